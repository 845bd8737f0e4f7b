import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { postedLines } from "./discordFake.js";
import { base, createHarness, deliveredIn, type Harness, intervalMs, item } from "./harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

const delivered = () => deliveredIn(t);
const hour = 60 * 60_000;
const start = (i: number) => item(i, { type: "START", unit: null, source: null });

describe("following the active session", () => {
  it("reads the ended session one last time, then switches and posts all of the new one", async () => {
    const token = await t.link("u1", "Alice");
    const first = t.fake.addSession(token, { start: new Date(base) });
    t.fake.addHistory(first, [start(0)]);
    const sub = await t.subscribe({ userId: "u1", channelId: "c1", session: null });
    expect(sub.currentSession).toBe(first);
    const poller = t.poller();

    t.fake.addHistory(first, [item(5)]);
    await poller.runCycle();
    expect(delivered()).toEqual([5]);

    // A last change, then the session ends and a new one starts.
    t.fake.addHistory(first, [item(6)]);
    t.fake.endSession(first, new Date(base + 7000));
    const second = t.fake.addSession(token, { start: new Date(base + 20_000) });
    t.fake.addHistory(second, [start(20), item(21)]);

    await poller.runCycle();
    expect(delivered()).toEqual([5, 6]);
    expect((await t.sub(sub.id)).currentSession).toBe(first);

    t.fake.resetRequests();
    await poller.runCycle();
    expect(delivered()).toEqual([5, 6, 20, 21]);
    expect(postedLines(t.discord.posted.slice(-1))[0]).toContain("Session started");
    expect(
      t.fake.requests.filter((r) => r.endpoint === "histories").map((r) => r.query.session),
    ).toEqual([String(second)]);
    const stored = await t.sub(sub.id);
    expect(stored).toMatchObject({ currentSession: second, watermark: "2026-02-10T10:00:21.000Z" });
    expect(t.logs.filter((l) => l.msg === "following the new active session")).toHaveLength(1);

    await poller.runCycle();
    expect(t.discord.posted).toHaveLength(3);
  });

  it("gives up the last read of an old session that keeps failing, and moves on", async () => {
    const token = await t.link("u1");
    const first = t.fake.addSession(token, { start: new Date(base) });
    t.fake.addHistory(first, [start(0)]);
    await t.subscribe({ userId: "u1", channelId: "c1", session: null });
    const poller = t.poller();
    t.fake.endSession(first);
    const second = t.fake.addSession(token, { start: new Date(base + 20_000) });
    t.fake.addHistory(second, [start(20)]);
    t.fake.failNext(3, "500", { endpoint: "histories" });
    for (let i = 0; i < 5; i++) {
      await poller.runCycle();
      t.advance(intervalMs);
    }
    expect(delivered()).toEqual([20]);
  });

  it("polls nothing while the member has no active session, and all of the next one", async () => {
    const token = await t.link("u1");
    const sub = await t.subscribe({ userId: "u1", channelId: "c1", session: null });
    expect(sub.currentSession).toBeNull();
    const poller = t.poller();
    t.fake.resetRequests();
    expect(await poller.runCycle()).toMatchObject({ sources: 0, trackerRequests: 1 });
    expect(t.count("histories")).toBe(0);

    const session = t.fake.addSession(token);
    t.fake.addHistory(session, [start(0), item(1)]);
    await poller.runCycle();
    expect(delivered()).toEqual([0, 1]);
  });

  it("backs off a failing active-session lookup", async () => {
    const token = await t.link("u1");
    t.fake.addSession(token);
    await t.subscribe({ userId: "u1", channelId: "c1", session: null });
    const poller = t.poller();
    t.fake.failNext(2, "500", { endpoint: "sessions" });
    t.fake.resetRequests();
    for (let i = 0; i < 3; i++) {
      await poller.runCycle();
      t.advance(intervalMs);
    }
    // Fail, fail (backoff 2 intervals), skip.
    expect(t.count("sessions")).toBe(2);
    expect(t.logs.filter((l) => l.msg === "tracker failing; backing off")).toHaveLength(1);
  });
});

describe("fixed sessions", () => {
  it("reads an ended session once, then only every endedSessionIntervalMs", async () => {
    const token = await t.link("u1");
    const session = t.fake.addSession(token, { end: new Date(base) });
    t.fake.addHistory(session, [item(0)]);
    await t.subscribe({ userId: "u1", channelId: "c1", session });
    const poller = t.poller();
    t.fake.resetRequests();
    await poller.runCycle();
    expect([t.count("session"), t.count("histories")]).toEqual([1, 1]);

    t.fake.addHistory(session, [item(5)]);
    t.fake.resetRequests();
    for (let i = 0; i < 59; i++) {
      t.advance(intervalMs);
      await poller.runCycle();
    }
    expect(t.fake.requests).toHaveLength(0);
    expect(t.discord.calls).toHaveLength(0);

    t.advance(intervalMs);
    await poller.runCycle();
    expect([t.count("session"), t.count("histories")]).toEqual([1, 1]);
    expect(delivered()).toEqual([5]);
  });

  it("reads a running session every cycle and checks its state hourly", async () => {
    const token = await t.link("u1");
    const session = t.fake.addSession(token);
    t.fake.addHistory(session, [item(0)]);
    await t.subscribe({ userId: "u1", channelId: "c1", session });
    const poller = t.poller({ endedSessionIntervalMs: hour });
    t.fake.resetRequests();
    for (let i = 0; i < 60; i++) {
      await poller.runCycle();
      t.advance(intervalMs);
    }
    expect([t.count("session"), t.count("histories")]).toEqual([1, 60]);

    t.fake.addHistory(session, [item(5)]);
    t.fake.endSession(session);
    t.fake.resetRequests();
    // The hourly check finds it ended: one last read right away, then none for an hour.
    await poller.runCycle();
    expect(delivered()).toEqual([5]);
    for (let i = 0; i < 59; i++) {
      t.advance(intervalMs);
      await poller.runCycle();
    }
    expect([t.count("session"), t.count("histories")]).toEqual([1, 1]);
  });
});
