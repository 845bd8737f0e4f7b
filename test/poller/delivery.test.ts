import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { embedsOf, postedLines, postedSchedules } from "./discordFake.js";
import { createHarness, type Harness, intervalMs, item, range, scheduleIndex } from "./harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

async function setup(existing = 3) {
  const token = await t.link("u1", "Alice");
  const session = t.fake.addSession(token);
  t.fake.addHistory(
    session,
    range(0, existing).map((i) => item(i)),
  );
  const sub = await t.subscribe({ userId: "u1", channelId: "c1", session });
  return { token, session, sub };
}

describe("delivery", () => {
  it("posts nothing for items that existed when the subscription was made", async () => {
    const { sub } = await setup(5);
    const poller = t.poller();
    const report = await poller.runCycle();
    expect(report).toMatchObject({ sources: 1, itemsDelivered: 0, messagesSent: 0, paused: [] });
    expect(t.discord.calls).toHaveLength(0);
    expect(await t.sub(sub.id)).toEqual(sub);
    expect(t.store.data.outbox.size).toBe(0);
  });

  it("posts three new items in one message, oldest first, then advances", async () => {
    const { session, sub } = await setup();
    const poller = t.poller();
    t.fake.addHistory(session, [item(12), item(10), item(11)]);
    const report = await poller.runCycle();
    expect(report).toMatchObject({ itemsDelivered: 3, messagesSent: 1 });
    expect(t.discord.posted).toHaveLength(1);
    const [message] = t.discord.posted;
    expect(postedSchedules(t.discord.posted).map(scheduleIndex)).toEqual([10, 11, 12]);
    expect(message?.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] } });
    expect(String(message?.nonce).length).toBeLessThanOrEqual(25);
    expect(embedsOf(message!)[0]?.title).toContain("Alice");
    const stored = await t.sub(sub.id);
    expect(stored.watermark).toBe("2026-02-10T10:00:12.000Z");
    expect(stored.lastPostAt).toBe(t.now().toISOString());
    expect(t.store.data.outbox.size).toBe(0);

    // Nothing twice: the next read starts at the watermark's second again.
    expect(await poller.runCycle()).toMatchObject({ messagesSent: 0 });
    expect(t.discord.calls).toHaveLength(1);
  });

  it("delivers 250 new items exactly once, in order, across several messages", async () => {
    const { session } = await setup(1);
    const poller = t.poller();
    t.fake.addHistory(
      session,
      range(1, 251).map((i) => item(i)),
    );
    const report = await poller.runCycle();
    expect(report.itemsDelivered).toBe(250);
    expect(t.discord.posted.length).toBeGreaterThan(1);
    expect(postedSchedules(t.discord.posted).map(scheduleIndex)).toEqual(range(1, 251));
    for (const message of t.discord.posted)
      expect(embedsOf(message).length).toBeLessThanOrEqual(10);
    const nonces = new Set(t.discord.posted.map((m) => m.nonce));
    expect(nonces.size).toBe(t.discord.posted.length);

    t.fake.addHistory(session, [item(251)]);
    await poller.runCycle();
    expect(postedSchedules(t.discord.posted).map(scheduleIndex)).toEqual(range(1, 252));
  });

  it("handles ties on `happened` across cycles without loss or repeats", async () => {
    const { session } = await setup(1);
    const poller = t.poller();
    const at = new Date(item(20).happened as Date);
    const later = new Date(at.getTime() + 400);
    t.fake.addHistory(session, [
      item(20, { happened: at, source: "DICE" }),
      item(21, { happened: at, source: "LUCK" }),
      item(22, { happened: at, source: "DICE", dom: true }),
      item(23, { happened: later }),
    ]);
    await poller.runCycle();
    expect(postedSchedules(t.discord.posted).map(scheduleIndex).sort()).toEqual([20, 21, 22, 23]);
    // Arrives late, in the very second (and millisecond) already handled.
    t.fake.addHistory(session, [item(24, { happened: at, source: "PENALTY" })]);
    await poller.runCycle();
    await poller.runCycle();
    expect(postedSchedules(t.discord.posted).map(scheduleIndex).sort()).toEqual([
      20, 21, 22, 23, 24,
    ]);
    expect(postedSchedules(t.discord.posted.slice(1)).map(scheduleIndex)).toEqual([24]);
  });

  it("posts what passes the filters and quietly moves past the rest", async () => {
    const { session } = await setup(1);
    const luckOnly = await t.subscribe({
      userId: "u1",
      channelId: "c2",
      session,
      filters: { source: "LUCK" },
    });
    const poller = t.poller();
    t.fake.addHistory(session, [item(5), item(6, { source: "LUCK" }), item(7)]);
    await poller.runCycle();
    expect(postedSchedules(t.discord.inChannel("c1")).map(scheduleIndex)).toEqual([5, 6, 7]);
    expect(postedSchedules(t.discord.inChannel("c2")).map(scheduleIndex)).toEqual([6]);

    t.fake.addHistory(session, [item(8), item(9, { source: "DOM" })]);
    await poller.runCycle();
    expect(t.discord.inChannel("c2")).toHaveLength(1);
    const stored = await t.sub(luckOnly.id);
    expect(stored.watermark).toBe("2026-02-10T10:00:09.000Z");
    // The quiet advance is not a post.
    expect(stored.lastPostAt).toBe(t.now().toISOString());
    t.advance(intervalMs);
    t.fake.addHistory(session, [item(10)]);
    await poller.runCycle();
    expect((await t.sub(luckOnly.id)).lastPostAt).not.toBe(t.now().toISOString());
  });

  it("reads a session once per cycle however many subscriptions share it", async () => {
    const { session } = await setup(1);
    await t.subscribe({ userId: "u1", channelId: "c2", session });
    await t.subscribe({ userId: "u1", channelId: "c3", session, filters: { type: "SUB" } });
    const poller = t.poller();
    t.fake.resetRequests();
    t.fake.addHistory(session, [item(3), item(4, { type: "SUB" })]);
    const report = await poller.runCycle();
    expect(report.sources).toBe(1);
    expect(t.count("histories")).toBe(1);
    expect(t.discord.inChannel("c1")).toHaveLength(1);
    expect(t.discord.inChannel("c2")).toHaveLength(1);
    expect(postedSchedules(t.discord.inChannel("c3")).map(scheduleIndex)).toEqual([4]);
  });

  it("posts an item once in a channel where two of the member's subscriptions want it", async () => {
    const { session } = await setup(1);
    await t.subscribe({ userId: "u1", channelId: "c1", session, filters: { source: "DICE" } });
    const poller = t.poller();
    t.fake.addHistory(session, [item(3), item(4, { source: "LUCK" })]);
    await poller.runCycle();
    expect(postedSchedules(t.discord.posted).map(scheduleIndex)).toEqual([3, 4]);
  });

  it("batches sixty subscriptions of one channel into a handful of messages", async () => {
    const sessions: number[] = [];
    for (let u = 0; u < 60; u++) {
      const token = await t.link(`m${u}`);
      const session = t.fake.addSession(token);
      t.fake.addHistory(session, [item(0)]);
      await t.subscribe({ userId: `m${u}`, channelId: "busy", session });
      sessions.push(session);
    }
    const poller = t.poller({ concurrency: 8 });
    sessions.forEach((session, u) => {
      t.fake.addHistory(session, [item(100 + u)]);
    });
    const report = await poller.runCycle();
    expect(report.sources).toBe(60);
    expect(report.itemsDelivered).toBe(60);
    expect(t.discord.posted.length).toBeLessThanOrEqual(8);
    for (const message of t.discord.posted)
      expect(embedsOf(message).length).toBeLessThanOrEqual(10);
    expect(postedSchedules(t.discord.posted).map(scheduleIndex)).toEqual(range(100, 160));
    expect(postedLines(t.discord.posted)).toHaveLength(60);
  });

  it("delivers the channels of one cycle independently of each other", async () => {
    const { session } = await setup(1);
    await t.subscribe({ userId: "u1", channelId: "slow", session });
    const poller = t.poller();
    t.fake.addHistory(session, [item(5)]);
    const held = t.discord.hold("slow");
    const cycle = poller.runCycle();
    await held.entered;
    // The fast channel was served while the slow one still hangs.
    await vi.waitFor(() => expect(t.discord.inChannel("c1")).toHaveLength(1));
    held.release();
    await cycle;
    expect(t.discord.inChannel("slow")).toHaveLength(1);
  });
});
