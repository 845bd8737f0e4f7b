/**
 * The tracker down for everyone is one outage (issue 18): reads fall to one probe at a time,
 * and the first success makes every session due at once. A failure of one session (a 400)
 * stays with it.
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

const step = 5000;
const members = 12;

async function setupMany() {
  t = await createHarness();
  const sessions: number[] = [];
  for (let i = 0; i < members; i++) {
    sessions.push((await subscribedMember(t, `u${i}`, `c${i}`)).session);
  }
  return sessions;
}

/** Runs the poller every `step` for `ms` of the test's clock. */
async function runFor(poller: ReturnType<Harness["poller"]>, ms: number) {
  for (let waited = 0; waited < ms; waited += step) {
    t.advance(step);
    await poller.runDue();
  }
}

describe("a tracker outage", () => {
  it("falls to one probe an interval while the tracker is down, and reads everyone once it is back", async () => {
    const sessions = await setupMany();
    const poller = t.poller();
    await poller.runDue();
    t.fake.failNext(1_000_000, "503");
    for (const [i, session] of sessions.entries()) t.fake.addHistory(session, [item(10 + i)]);
    t.fake.resetRequests();
    await runFor(poller, 5 * intervalMs);
    const firstFive = t.fake.requests.length;
    t.fake.resetRequests();
    await runFor(poller, 5 * intervalMs);
    // The probe's pace: one request an interval (12 sessions backing off alone made ~12).
    expect(t.fake.requests.length).toBeLessThanOrEqual(6);
    expect(firstFive).toBeLessThanOrEqual(2 * members + 10);
    expect(poller.status().tracker).toMatchObject({ breaker: "open", outages: 1 });
    expect(deliveredIn(t)).toEqual([]);

    t.fake.clearFaults();
    await runFor(poller, intervalMs + 2 * step);
    expect(deliveredIn(t).sort((a, b) => a - b)).toEqual(sessions.map((_, i) => 10 + i));
    expect(poller.status().tracker).toMatchObject({ breaker: "closed", downMs: 0 });
    expect(
      t.logs.filter((l) => l.msg === "tracker back; every session is read again now"),
    ).toHaveLength(1);
  });

  it("keeps a 400 for one session with that session: the others are read and posted", async () => {
    const sessions = await setupMany();
    // Sessions their tokens cannot see: the tracker answers 400 for them every time. Three of
    // them, as many as site-wide failures that would stop everything.
    for (let i = 0; i < 3; i++) {
      const bad = { userId: `u${i}`, channelId: `c-bad${i}`, session: 99_990 + i };
      await t.subscribe({ ...bad, fromScratch: true });
    }
    const poller = t.poller();
    await runFor(poller, 3 * intervalMs);
    for (const [i, session] of sessions.entries()) t.fake.addHistory(session, [item(10 + i)]);
    await runFor(poller, intervalMs + step);
    expect(deliveredIn(t).sort((a, b) => a - b)).toEqual(sessions.map((_, i) => 10 + i));
    expect(poller.status().tracker).toMatchObject({ breaker: "closed", outages: 0 });
  });
});
