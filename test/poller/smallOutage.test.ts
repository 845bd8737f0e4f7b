/**
 * Issue 24: a bot that follows one or two sessions has one or two sources (a follower: its
 * member's active-session lookup and the session). A tracker down for everyone is still one
 * outage for it: one probe at a pace that grows but never leaves more than one interval
 * between two probes, and the first success reads everyone at once. Without it, each source's
 * own backoff (doubling towards 15 minutes) decided alone and noticed the return minutes late.
 * The default interval (60 s) on the test's clock, stepped a second at a time.
 */
import { afterEach, describe, expect, it } from "vitest";
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

const step = 1000;
const outageMs = 3 * 60_000;

/** A follower of `userId`'s active session; returns that session. */
async function follower(userId: string, channelId: string): Promise<number> {
  const token = await t.link(userId);
  const session = t.fake.addSession(token);
  t.fake.addHistory(session, [item(0)]);
  await t.subscribe({ userId, channelId, session: null });
  return session;
}

const setups: Record<string, () => Promise<number[]>> = {
  "one followed session": async () => [await follower("u1", "c1")],
  "two followed sessions": async () => [await follower("u1", "c1"), await follower("u2", "c2")],
  "one fixed session (a single source)": async () => [
    (await subscribedMember(t, "u1", "c1")).session,
  ],
};

describe.each(Object.keys(setups))("a 3-minute tracker outage, %s", (name) => {
  it("is one outage with probes at most an interval apart; everything posted within an interval of the return", async () => {
    t = await createHarness();
    const sessions = await (setups[name] as () => Promise<number[]>)();
    const poller = t.poller();
    await poller.runDue();
    t.fake.failNext(1_000_000, "503");
    for (const [i, session] of sessions.entries()) t.fake.addHistory(session, [item(10 + i)]);
    t.fake.resetRequests();

    // When requests reached the tracker (the test's clock, per step), for 3 minutes from the
    // first one the tracker failed (the sessions' next read, up to an interval away).
    const startedAt = t.now().getTime();
    const probes: number[] = [];
    while (
      probes.length === 0 ||
      t.now().getTime() - startedAt < (probes[0] as number) + outageMs
    ) {
      t.advance(step);
      const before = t.fake.requests.length;
      await poller.runDue();
      if (t.fake.requests.length > before) probes.push(t.now().getTime() - startedAt);
    }
    const endAt = t.now().getTime() - startedAt;
    expect(poller.status().tracker).toMatchObject({ breaker: "open", outages: 1 });
    expect(deliveredIn(t)).toEqual([]);
    // At most one interval between two probes, and at the end a probe an interval.
    const gaps = probes.slice(1).map((at, i) => at - (probes[i] as number));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(intervalMs);
    expect(endAt - (probes.at(-1) as number)).toBeLessThanOrEqual(intervalMs);
    // A growing pace: the first probes come sooner than an interval, the last ones an interval apart.
    expect(gaps[0]).toBeLessThan(intervalMs / 2);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(intervalMs - step);
    // One probe at a time: about 10 in 3 minutes (5 s, 10 s, 20 s, 40 s, then 60 s apart),
    // each at most one source's reads.
    expect(probes.length).toBeLessThanOrEqual(10);
    expect(t.fake.requests.length).toBeLessThanOrEqual(2 * probes.length);

    t.fake.clearFaults();
    const backAt = t.now().getTime();
    const want = sessions.map((_, i) => 10 + i);
    let postedAfter: number | undefined;
    for (let waited = 0; waited <= 3 * intervalMs; waited += step) {
      t.advance(step);
      await poller.runDue();
      if (want.every((i) => deliveredIn(t).includes(i))) {
        postedAfter = t.now().getTime() - backAt;
        break;
      }
    }
    // Within one interval of the return (the next probe), plus a step for the others' reads.
    expect(postedAfter).toBeDefined();
    expect(postedAfter).toBeLessThanOrEqual(intervalMs + step);
    expect(deliveredIn(t).sort((a, b) => a - b)).toEqual(want);
    expect(poller.status().tracker).toMatchObject({ breaker: "closed", outages: 1 });
  });
});

describe("a member's read as evidence of the site's health", () => {
  it("a failed /histories read counts towards an outage, a successful one ends it at once", async () => {
    t = await createHarness();
    const { token, session } = await subscribedMember(t, "u1", "c1");
    const poller = t.poller();
    await poller.runDue();
    t.fake.failNext(1_000_000, "503");
    t.fake.addHistory(session, [item(10)]);
    // The member's own read fails (the poller's source is not due yet): the breaker opens on it.
    await expect(t.tracker.histories(token, { session })).rejects.toThrow();
    expect(poller.status().tracker).toMatchObject({ breaker: "open", outages: 1 });
    t.advance(intervalMs / 2);
    await poller.runDue();
    t.fake.clearFaults();
    // The member reads again and it works: the outage is over, every source due now (not at the
    // next probe, up to an interval away).
    await t.tracker.histories(token, { session });
    expect(poller.status().tracker).toMatchObject({ breaker: "closed" });
    t.advance(step);
    await poller.runDue();
    expect(deliveredIn(t)).toEqual([10]);
  });
});
