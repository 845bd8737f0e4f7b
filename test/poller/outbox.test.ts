import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DeliveryError } from "../../src/poller/sender/errors.js";
import type { Deliver } from "../../src/poller/poller.js";
import {
  createHarness,
  deliveredIn,
  type Harness,
  intervalMs,
  item,
  range,
  subscribedMember,
} from "./harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

const delivered = (channelId?: string) => deliveredIn(t, channelId);
const logged = (msg: string) => t.logs.filter((line) => line.msg === msg);

const setup = (userId = "u1", channelId = "c1") => subscribedMember(t, userId, channelId);

function recordingMetrics() {
  const seen = { cycles: 0, items: 0, failed: [] as string[] };
  return {
    seen,
    metrics: {
      pollCycle: () => {
        seen.cycles++;
      },
      itemsDelivered: (n: number) => {
        seen.items += n;
      },
      deliveryFailed: (reason: string) => {
        seen.failed.push(reason);
      },
    },
  };
}

describe("transient delivery failures", () => {
  it("keep the entry, retry it first next cycle, and deliver everything once in order", async () => {
    const { session, sub } = await setup();
    const { seen, metrics } = recordingMetrics();
    const poller = t.poller({ metrics });
    t.fake.addHistory(session, [item(5), item(6)]);
    t.discord.failNext(1, {
      kind: "error",
      error: new DeliveryError("Bad Gateway", { status: 502 }),
    });
    expect(await poller.runCycle()).toMatchObject({ messagesSent: 0, itemsDelivered: 0 });
    expect(t.store.data.outbox.size).toBe(1);
    expect((await t.sub(sub.id)).watermark).toBe(sub.watermark);

    t.fake.addHistory(session, [item(7)]);
    t.advance(intervalMs);
    expect(await poller.runCycle()).toMatchObject({ messagesSent: 1, itemsDelivered: 2 });
    expect(delivered()).toEqual([5, 6]);
    await poller.runCycle();
    expect(delivered()).toEqual([5, 6, 7]);
    expect(t.discord.calls).toHaveLength(3);
    expect(t.store.data.outbox.size).toBe(0);
    expect(seen).toMatchObject({ cycles: 3, items: 3, failed: ["transient"] });
    expect(logged("channel delivery failed; will retry")).toHaveLength(1);
    expect(logged("channel delivery recovered")).toHaveLength(1);
  });

  it("drop a pending entry once its subscriptions are gone: no posts after /unsubscribe", async () => {
    const { session, sub } = await setup();
    const poller = t.poller();
    t.fake.addHistory(session, [item(5)]);
    t.discord.failWithCode(1, 0, 500, "c1");
    await poller.runCycle();
    expect(t.store.data.outbox.size).toBe(1);
    await t.store.subscriptions.delete(sub.id);
    t.advance(intervalMs * 4);
    await poller.runCycle();
    expect(delivered("c1")).toEqual([]);
    expect(t.store.data.outbox.size).toBe(0);
    expect(logged("dropped pending posts of removed subscriptions")).toHaveLength(1);
  });

  it("back off a channel that keeps failing without holding up the others", async () => {
    const { session } = await setup();
    await t.subscribe({ userId: "u1", channelId: "c2", session });
    const poller = t.poller();
    t.discord.failNext(3, { kind: "error", error: new Error("ECONNRESET") }, "c1");
    t.fake.addHistory(session, [item(5)]);
    await poller.runCycle();
    expect(delivered("c2")).toEqual([5]);
    for (let i = 0; i < 8; i++) {
      t.fake.addHistory(session, [item(10 + i)]);
      t.advance(intervalMs);
      await poller.runCycle();
    }
    expect(delivered("c2")).toEqual([5, ...range(10, 18)]);
    // c1 tried at +0, +1, +3 intervals (failing; the channel backoff is capped at 2 min so a
    // lost answer is retried within Discord's nonce window), +5 (the old entry, with
    // everything gathered before it), then +6, +7, +8 (the new items of each cycle).
    const c1Calls = t.discord.calls.filter((c) => c.channelId === "c1");
    expect(c1Calls).toHaveLength(7);
    expect(delivered("c1")).toEqual([5, ...range(10, 18)]);
    expect(logged("channel delivery failed; will retry")).toHaveLength(1);
  });
});

describe("channel-fatal Discord errors", () => {
  it.each([
    [50013, 403, "missing_permissions"],
    [50001, 403, "missing_access"],
    [10003, 404, "unknown_channel"],
    [50083, 400, "thread_closed"],
  ] as const)(
    "%i pauses the channel's subscriptions, DMs each owner once, keeps the entry for the resume",
    async (code, status, reason) => {
      const { session, sub } = await setup("u1", "c1");
      const elsewhere = await t.subscribe({ userId: "u1", channelId: "c2", session });
      const bob = await setup("u2", "c1");
      const poller = t.poller();
      t.fake.addHistory(session, [item(5)]);
      t.fake.addHistory(bob.session, [item(6)]);
      t.discord.failWithCode(1, code, status, "c1");

      const report = await poller.runCycle();
      expect(report.paused.sort()).toEqual([sub.id, bob.sub.id].sort());
      expect(t.dms.map((dm) => dm.userId).sort()).toEqual(["u1", "u2"]);
      for (const dm of t.dms) expect(dm.text).toContain("<#c1>");
      // Kept, not retried while every subscription of the channel is paused.
      expect(t.store.data.outbox.size).toBe(1);
      expect(await t.sub(sub.id)).toMatchObject({
        status: "paused",
        pausedReason: reason,
        watermark: sub.watermark,
      });
      expect(await t.sub(elsewhere.id)).toMatchObject({ status: "active" });
      expect(delivered("c2")).toEqual([5]);

      t.fake.addHistory(session, [item(7)]);
      for (let i = 0; i < 3; i++) {
        t.advance(intervalMs);
        await poller.runCycle();
      }
      expect(t.discord.calls.filter((c) => c.channelId === "c1")).toHaveLength(1);
      expect(t.dms).toHaveLength(2);

      // `/subscribe` there again resumes: nothing was lost.
      const paused = await t.sub(sub.id);
      await t.store.subscriptions.put({
        ...paused,
        status: "active",
        pausedReason: null,
        pausedAt: null,
      });
      await poller.runCycle();
      // The kept entry first (both members' items, as queued), then what came meanwhile.
      expect(delivered("c1")).toEqual([5, 6]);
      t.advance(intervalMs);
      await poller.runCycle();
      expect(delivered("c1")).toEqual([5, 6, 7]);
      expect(t.store.data.outbox.size).toBe(0);
      expect((await t.sub(bob.sub.id)).watermark).not.toBe(bob.sub.watermark);
    },
  );

  it("a body Discord refuses (50035) is skipped with an error instead of blocking the channel", async () => {
    const { session } = await setup();
    const poller = t.poller();
    t.fake.addHistory(session, [item(5)]);
    t.discord.failWithCode(1, 50035, 400);
    await poller.runCycle();
    expect(logged("Discord refused a message body; skipping that message")).toHaveLength(1);
    expect(t.store.data.outbox.size).toBe(0);
    t.fake.addHistory(session, [item(6)]);
    await poller.runCycle();
    expect(delivered()).toEqual([6]);
  });
});

describe("crashes", () => {
  it("a restart re-sends a half-sent entry unchanged, and Discord's nonce check keeps it single", async () => {
    const { session, sub } = await setup();
    const first = t.poller();
    t.fake.addHistory(
      session,
      range(1, 251).map((i) => item(i)),
    );
    // Discord accepts the first message, then the process dies before it hears back.
    t.discord.failNext(1, { kind: "crash-after-post" });
    await first.runCycle();
    const [entry] = [...t.store.data.outbox.values()];
    expect(entry?.sent).toBe(0);
    expect(entry?.messages.length).toBeGreaterThan(1);
    expect(t.discord.posted).toHaveLength(1);

    const second = t.poller();
    await second.flushOutbox();
    expect(t.discord.posted).toHaveLength(entry!.messages.length);
    t.discord.posted.forEach((message, index) => {
      expect(message.nonce).toBe(entry!.messages[index]!.nonce);
      expect(message.body).toEqual(entry!.messages[index]!.body);
    });
    // The repeat of message 1 went out byte for byte as before.
    const firstNonce = entry!.messages[0]!.nonce;
    const repeats = t.discord.calls.filter((c) => c.body.nonce === firstNonce);
    expect(repeats).toHaveLength(2);
    expect(repeats[1]?.body).toEqual(repeats[0]?.body);
    expect(delivered()).toEqual(range(1, 251));
    expect(t.store.data.outbox.size).toBe(0);
    expect((await t.sub(sub.id)).watermark).toBe("2026-02-10T10:04:10.000Z");
    await second.runCycle();
    expect(t.discord.posted).toHaveLength(entry!.messages.length);
  });

  it("a restart continues after the messages already recorded as sent", async () => {
    const { session } = await setup();
    let calls = 0;
    // The process "dies" while the second message is on its way: that call never returns.
    const dying: Deliver = (channelId, body) =>
      calls++ === 1 ? new Promise(() => undefined) : t.discord.deliver(channelId, body);
    const first = t.poller({ deliver: dying });
    t.fake.addHistory(
      session,
      range(1, 251).map((i) => item(i)),
    );
    void first.runCycle();
    await vi.waitFor(() => expect([...t.store.data.outbox.values()][0]?.sent).toBe(1));

    const second = t.poller();
    await second.flushOutbox();
    expect(delivered()).toEqual(range(1, 251));
    const nonces = t.discord.calls.map((c) => c.body.nonce);
    expect(new Set(nonces).size).toBe(nonces.length);
  });
});

describe("start and stop", () => {
  it("start() re-sends the outbox first; a channel still sending gathers nothing new meanwhile", async () => {
    const { session } = await setup();
    await t.subscribe({ userId: "u1", channelId: "c2", session });
    const broken = t.poller();
    t.fake.addHistory(session, [item(5), item(6)]);
    t.discord.failNext(1, { kind: "error", error: new Error("socket hang up") }, "c1");
    await broken.runCycle();
    expect(delivered("c2")).toEqual([5, 6]);
    t.fake.addHistory(session, [item(7)]);

    const held = t.discord.hold("c1");
    const poller = t.poller();
    poller.start();
    await held.entered;
    // The slow re-send does not hold up the first cycle for the other channel.
    await vi.waitFor(() => expect(delivered("c2")).toEqual([5, 6, 7]));
    expect(t.discord.inChannel("c1")).toHaveLength(0);
    held.release();
    await poller.stop();
    expect(delivered("c1")).toEqual([5, 6]);
    await t.poller().runCycle();
    expect(delivered("c1")).toEqual([5, 6, 7]);
  });

  it("stop() lets a delivery in flight finish", async () => {
    const { session, sub } = await setup();
    t.fake.addHistory(session, [item(5)]);
    const held = t.discord.hold("c1");
    const poller = t.poller();
    poller.start();
    await held.entered;
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    held.release();
    await stopping;
    expect(delivered()).toEqual([5]);
    expect(t.store.data.outbox.size).toBe(0);
    expect((await t.sub(sub.id)).watermark).not.toBe(sub.watermark);
  });

  it("stop() gives up waiting after its deadline and leaves the entry for the next start", async () => {
    const { session } = await setup();
    t.fake.addHistory(session, [item(5)]);
    const held = t.discord.hold("c1");
    const poller = t.poller({ stopTimeoutMs: 50 });
    poller.start();
    await held.entered;
    await poller.stop();
    expect(t.store.data.outbox.size).toBe(1);
    expect(logged("stopped with posts in flight; sent on next start")).toHaveLength(1);
    held.release();
  });
});
