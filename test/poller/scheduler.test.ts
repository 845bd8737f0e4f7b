/**
 * The scheduled path (runDue: only what is due) and the hooks other features
 * use: extraActiveLookups / onActiveSessions (role sync).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHarness, deliveredIn, type Harness, intervalMs, item } from "./harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

const historiesOf = (session: number) =>
  t.fake.requests.filter((r) => r.endpoint === "histories" && r.query.session === String(session))
    .length;

describe("the scheduled poller", () => {
  it("keeps a busy session at the interval and stretches the quiet ones under a tight budget", async () => {
    const sessions: number[] = [];
    const subs = [];
    for (const user of ["a", "b", "c"]) {
      const token = await t.link(user);
      const session = t.fake.addSession(token);
      // a is busy: its history shows a change just now; b and c last changed two hours ago.
      t.fake.addHistory(session, [item(0, user === "a" ? { happened: t.now() } : {})]);
      subs.push(await t.subscribe({ userId: user, channelId: `ch-${user}`, session }));
      sessions.push(session);
    }
    const [busy, quietB, quietC] = sessions as [number, number, number];
    // 2 requests a minute: 1.8 planned for polls, three sources need 3 at the base interval.
    const poller = t.poller({ budgetPerMinute: 2 });
    // Busy: it changes now (the schedule reads how often a session changes from these dates).
    t.fake.addHistory(busy, [item(1, { happened: t.now() })]);
    t.fake.resetRequests();
    await poller.runDue();
    expect(deliveredIn(t)).toEqual([1]);
    expect([historiesOf(busy), historiesOf(quietB), historiesOf(quietC)]).toEqual([1, 1, 1]);

    t.fake.resetRequests();
    for (let minute = 1; minute <= 14; minute++) {
      t.advance(intervalMs);
      t.fake.addHistory(busy, [item(1 + minute, { happened: new Date(t.now().getTime() - 1000) })]);
      await poller.runDue();
    }
    expect(historiesOf(busy)).toBe(14);
    // The square-root rule: the busy one is held at the base interval, the quiet ones share
    // what is left of the 1.6 planned a minute (about 0.3 each: every ~3.3 min).
    const quietReads = [historiesOf(quietB), historiesOf(quietC)];
    for (const reads of quietReads) {
      expect(reads).toBeGreaterThanOrEqual(2);
      expect(reads).toBeLessThanOrEqual(5);
    }
    const stretched = poller.checkInterval(subs[1]!);
    expect(stretched).toMatchObject({ reason: "quiet" });
    expect(stretched?.intervalMs).toBeGreaterThan(2 * intervalMs);
    expect(stretched?.intervalMs).toBeLessThanOrEqual(15 * intervalMs);
    expect(poller.checkInterval(subs[0]!)).toBeUndefined();
    expect(poller.status().effectiveIntervalMs).toBeGreaterThanOrEqual(stretched?.intervalMs ?? 0);

    t.fake.addHistory(quietC, [item(100)]);
    t.fake.resetRequests();
    for (let waited = 0; waited < (stretched?.intervalMs ?? 0); waited += intervalMs) {
      t.advance(intervalMs);
      await poller.runDue();
    }
    expect(historiesOf(quietC)).toBe(1);
    expect(deliveredIn(t, "ch-c")).toEqual([100]);
  });

  it("with enough budget polls every source each interval, and nothing before it is due", async () => {
    const token = await t.link("u1");
    const session = t.fake.addSession(token);
    t.fake.addHistory(session, [item(0)]);
    await t.subscribe({ userId: "u1", channelId: "c1", session });
    const poller = t.poller({ budgetPerMinute: 100 });
    await poller.runDue();
    t.fake.addHistory(session, [item(1)]);
    t.advance(intervalMs - 1);
    await poller.runDue();
    expect(deliveredIn(t)).toEqual([]);
    t.advance(1);
    await poller.runDue();
    expect(deliveredIn(t)).toEqual([1]);
  });
});

describe("role-sync hooks", () => {
  it("looks up members from extraActiveLookups each interval and reports their active sessions", async () => {
    const token = await t.link("u2");
    const session = t.fake.addSession(token);
    const seen: Array<[string, readonly number[]]> = [];
    const poller = t.poller({
      extraActiveLookups: () => ["u2"],
      onActiveSessions: (userId, ids) => {
        seen.push([userId, ids]);
      },
    });
    await poller.runDue();
    expect(seen).toEqual([["u2", [session]]]);
    await poller.runDue();
    expect(t.count("sessions", token)).toBe(1);
    t.advance(intervalMs);
    t.fake.endSession(session);
    await poller.runDue();
    expect(seen).toEqual([
      ["u2", [session]],
      ["u2", []],
    ]);
    expect(t.count("histories")).toBe(0);
  });

  it("shares one sessions request with a follower subscription of the same member", async () => {
    const token = await t.link("u1");
    const session = t.fake.addSession(token);
    t.fake.addHistory(session, [item(0)]);
    await t.subscribe({ userId: "u1", channelId: "c1", session: null });
    const seen: string[] = [];
    const poller = t.poller({
      extraActiveLookups: async () => ["u1"],
      onActiveSessions: async (userId) => {
        seen.push(userId);
      },
    });
    t.fake.resetRequests();
    await poller.runCycle();
    expect(t.count("sessions", token)).toBe(1);
    expect(seen).toEqual(["u1"]);
  });

  it("is not told about a failed lookup, a 401 included", async () => {
    const token = await t.link("u3");
    t.fake.addSession(token);
    const seen: string[] = [];
    const poller = t.poller({
      extraActiveLookups: () => ["u3"],
      onActiveSessions: (userId) => {
        seen.push(userId);
      },
    });
    t.fake.failNext(1, "500", { endpoint: "sessions" });
    await poller.runDue();
    expect(seen).toEqual([]);
    t.fake.revokeToken(token);
    t.advance(60 * intervalMs);
    await poller.runDue();
    expect(t.count("sessions", token)).toBe(2);
    expect(seen).toEqual([]);
  });

  it("logs a throwing hook and keeps polling", async () => {
    const token = await t.link("u4");
    const session = t.fake.addSession(token);
    t.fake.addHistory(session, [item(0)]);
    await t.subscribe({ userId: "u4", channelId: "c1", session: null });
    const poller = t.poller({
      extraActiveLookups: () => {
        throw new Error("store down");
      },
      onActiveSessions: () => {
        throw new Error("role sync broke");
      },
    });
    t.fake.addHistory(session, [item(1)]);
    await poller.runDue();
    expect(deliveredIn(t)).toEqual([1]);
    expect(t.logs.filter((l) => l.msg === "onActiveSessions hook failed")).toHaveLength(1);
    expect(t.logs.filter((l) => l.msg === "extraActiveLookups hook failed")).toHaveLength(1);
  });
});
