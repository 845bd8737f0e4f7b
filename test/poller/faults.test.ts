import { afterEach, describe, expect, it } from "vitest";
import { resumeUserSubscriptions } from "../../src/poller/pause/resume.js";
import type { FakeFault } from "../fakes/tracker.js";
import {
  createHarness,
  deliveredIn,
  type Harness,
  intervalMs,
  item,
  subscribedMember,
} from "./harness.js";

let t: Harness;
afterEach(async () => {
  await t?.close();
});

async function setup(options: Parameters<typeof createHarness>[0] = {}) {
  t = await createHarness(options);
  return subscribedMember(t, "u1", "c1", "Alice");
}

const logged = (msg: string) => t.logs.filter((line) => line.msg === msg);
const delivered = () => deliveredIn(t);

describe("tracker faults", () => {
  it("backs off a failing source exponentially, warns once, and loses nothing", async () => {
    const { token, session, sub } = await setup();
    // A second, healthy source: one source failing among others is that source's own fault
    // (a bot whose every source fails has the tracker down: outage.test.ts).
    await subscribedMember(t, "u2", "c2", "Bob");
    const poller = t.poller();
    t.fake.addHistory(session, [item(5), item(6)]);
    t.fake.failNext(3, "500", { endpoint: "histories", session });

    const attempts: number[] = [];
    const cycle = async () => {
      t.fake.resetRequests();
      await poller.runCycle();
      attempts.push(t.count("histories", token));
      t.advance(intervalMs);
    };
    // Fail (retry after 1 interval), fail (2), skip, fail (4), skip, skip, skip, recover.
    for (let i = 0; i < 4; i++) await cycle();
    expect(poller.backoffUntil(await t.sub(sub.id))).toEqual(new Date(t.now().getTime() + 180_000));
    for (let i = 0; i < 3; i++) await cycle();
    expect(attempts).toEqual([1, 1, 0, 1, 0, 0, 0]);
    expect(deliveredIn(t, "c1")).toEqual([]);

    t.fake.addHistory(session, [item(7)]);
    await cycle();
    expect(attempts.at(-1)).toBe(1);
    expect(deliveredIn(t, "c1")).toEqual([5, 6, 7]);
    expect(logged("tracker failing; backing off")).toHaveLength(1);
    expect(logged("tracker failing; backing off")[0]).toMatchObject({
      level: 40,
      userId: "u1",
      session,
      err: { kind: "server", status: 500 },
    });
    expect(logged("tracker recovered")).toEqual([
      expect.objectContaining({ failures: 3, level: 30 }),
    ]);
    expect(poller.backoffUntil(await t.sub(sub.id))).toBeUndefined();
  });

  it("treats a timeout like any other outage", async () => {
    // Long enough that a loaded machine answers the healthy request in time; the hang still times out.
    const { session } = await setup({ trackerTimeoutMs: 1500 });
    await subscribedMember(t, "u2", "c2", "Bob");
    const poller = t.poller();
    t.fake.addHistory(session, [item(5)]);
    t.fake.failNext(1, "hang", { endpoint: "histories", session });
    await poller.runCycle();
    expect(logged("tracker failing; backing off")[0]).toMatchObject({ err: { kind: "timeout" } });
    t.advance(intervalMs);
    await poller.runCycle();
    expect(delivered()).toEqual([5]);
  });

  it.each<FakeFault>(["503", "invalid-json", "bad-shape", "html", "reset"])(
    "survives a %s answer and delivers after it",
    async (fault) => {
      const { session } = await setup();
      const poller = t.poller();
      t.fake.addHistory(session, [item(5)]);
      t.fake.failNext(1, fault, { endpoint: "histories" });
      expect(await poller.runCycle()).toMatchObject({ messagesSent: 0 });
      t.advance(intervalMs);
      expect(await poller.runCycle()).toMatchObject({ messagesSent: 1 });
      expect(delivered()).toEqual([5]);
    },
  );

  it("honours Retry-After of a 429", async () => {
    const { session } = await setup();
    const poller = t.poller();
    t.fake.addHistory(session, [item(5)]);
    t.fake.failNext(1, "429", { endpoint: "histories", retryAfter: "600" });
    await poller.runCycle();
    for (let i = 0; i < 9; i++) {
      t.advance(intervalMs);
      t.fake.resetRequests();
      await poller.runCycle();
      expect(t.count("histories")).toBe(0);
    }
    t.advance(intervalMs);
    await poller.runCycle();
    expect(delivered()).toEqual([5]);
  });

  it("keeps serving other sources while one fails", async () => {
    const { session } = await setup();
    // A session the token cannot see: the tracker answers 400 for it every time.
    await t.subscribe({ userId: "u1", channelId: "c2", session: 99_999, fromScratch: true });
    const poller = t.poller();
    t.fake.addHistory(session, [item(5)]);
    await poller.runCycle();
    expect(delivered()).toEqual([5]);
    expect(logged("tracker failing; backing off")).toHaveLength(1);
  });
});

describe("a token the tracker refuses (401)", () => {
  it("pauses all of the owner's subscriptions, DMs once, stops asking, resumes after /link", async () => {
    const { token, session, sub } = await setup();
    const other = t.fake.addSession(token);
    const second = await t.subscribe({ userId: "u1", channelId: "c2", session: other });
    const bobToken = await t.link("u2", "Bob");
    const bobSession = t.fake.addSession(bobToken);
    await t.subscribe({ userId: "u2", channelId: "c1", session: bobSession });
    const poller = t.poller();

    t.fake.revokeToken(token);
    t.fake.addHistory(session, [item(5)]);
    t.fake.addHistory(bobSession, [item(6)]);
    const report = await poller.runCycle();
    expect(report.paused.sort()).toEqual([sub.id, second.id].sort());
    expect(t.dms).toEqual([{ userId: "u1", text: expect.stringContaining("/link") }]);
    for (const id of [sub.id, second.id]) {
      expect(await t.sub(id)).toMatchObject({
        status: "paused",
        pausedReason: "token_invalid",
        pausedAt: t.now().toISOString(),
      });
    }
    expect((await t.sub(sub.id)).watermark).toBe(sub.watermark);
    expect(delivered()).toEqual([6]);

    t.fake.resetRequests();
    for (let i = 0; i < 4; i++) {
      t.advance(intervalMs);
      await poller.runCycle();
    }
    expect(t.fake.requests.filter((r) => r.owner === "Alice")).toHaveLength(0);
    expect(t.dms).toHaveLength(1);

    // The member links again (here: the same token becomes valid again) and /link resumes.
    t.fake.addToken(token, { nick: "Alice" });
    t.fake.addHistory(session, [item(7)]);
    expect(await resumeUserSubscriptions(t.store, "u1")).toBe(2);
    expect(await t.sub(sub.id)).toMatchObject({
      status: "active",
      pausedReason: null,
      pausedAt: null,
    });
    await poller.runCycle();
    expect(delivered()).toEqual([6, 5, 7]);
  });

  it("never lets the token into a log line", async () => {
    const { token, session } = await setup();
    const poller = t.poller();
    t.fake.failNext(1, "500", { endpoint: "histories" });
    await poller.runCycle();
    t.fake.revokeToken(token);
    t.fake.addHistory(session, [item(5)]);
    t.advance(intervalMs);
    await poller.runCycle();
    expect(t.logs.length).toBeGreaterThan(0);
    expect(t.logText()).not.toContain(token);
    // Info and above carry no history contents.
    const loud = t.logs.filter((line) => Number(line.level) >= 30);
    expect(JSON.stringify(loud)).not.toMatch(/DICE|release|<t:/);
  });

  it("logs a closed DM and carries on", async () => {
    const { token } = await setup({ failDm: true });
    const poller = t.poller();
    t.fake.revokeToken(token);
    const report = await poller.runCycle();
    expect(report.paused).toHaveLength(1);
    expect(logged("could not DM the owner")).toHaveLength(1);
  });
});

describe("an account that is gone", () => {
  it("pauses with not_linked and DMs once, without asking the tracker", async () => {
    const { sub } = await setup();
    await t.store.accounts.delete("u1");
    const poller = t.poller();
    t.fake.resetRequests();
    expect((await poller.runCycle()).paused).toEqual([sub.id]);
    await poller.runCycle();
    expect(t.fake.requests).toHaveLength(0);
    expect(await t.sub(sub.id)).toMatchObject({ status: "paused", pausedReason: "not_linked" });
    expect(t.dms).toHaveLength(1);
  });
});

describe("a re-link while a cycle reads with the old token", () => {
  it("does not pause the subscriptions nor DM the member", async () => {
    const { token, sub } = await setup();
    t.fake.revokeToken(token);
    const account = await t.store.accounts.get("u1");
    // The member runs /link (a new linkedAt) while the cycle's request with the old token is out.
    const relink = () =>
      t.store.accounts.set({ ...account!, linkedAt: new Date(Date.now() + 1000).toISOString() });
    const tracker = {
      ...t.tracker,
      session: async (...args: Parameters<typeof t.tracker.session>) => {
        await relink();
        return t.tracker.session(...args);
      },
      histories: async (...args: Parameters<typeof t.tracker.histories>) => {
        await relink();
        return t.tracker.histories(...args);
      },
    };
    await t.poller({ tracker }).runCycle();
    expect(t.dms).toEqual([]);
    expect(await t.sub(sub.id)).toMatchObject({ status: "active" });
  });
});
