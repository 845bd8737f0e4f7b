/**
 * A tracker outage as a small bot lives it (issue 24), for the end-to-end test (short) and the
 * bench (3 minutes): the real bot on real timers follows the active session of `followers`
 * members, the fake tracker answers 503 to everything for `outageMs`, and new items wait. What
 * comes back: when the tracker was asked during the outage, and how long after its return
 * every pending item was posted.
 */
import { expect } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";
import { postedSchedules } from "./posts.js";

export interface OutageRun {
  /** Arrival times (ms since the outage began) of the requests answered 503. */
  failed: number[];
  /** From the tracker's return to the last pending item's post. */
  recoveryMs: number;
  /** Every item posted, by its schedule (seconds), each once. */
  posted: number[];
  expected: number[];
  rateLimited: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const scheduleOf = (member: number, i: number) =>
  Date.UTC(2027, 0, 1) + (member * 100 + i) * 60_000;

/** One linked member following their active session (one old item); returns the session. */
async function follower(h: Harness, m: number): Promise<number> {
  const token = `tok_outage_${m}_00112233445566778899aabb`;
  h.tracker.addToken(token, { nick: `m${m}` });
  const userId = h.member(`m${m}`);
  await linkMember(h, userId, token);
  const session = h.tracker.addSession(token, { active: true });
  h.tracker.addHistory(session, [
    {
      unit: 60,
      source: "DICE",
      happened: new Date(Date.now() - 60_000),
      schedule: new Date(scheduleOf(m, 0)),
    },
  ]);
  const handle = await h.discord.interact
    .chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "subscribe",
      options: {},
    })
    .waitFor("edit", 10_000);
  expect(handle.original?.content).toMatch(/Subscribed/);
  return session;
}

export async function runOutage(options: {
  followers: number;
  outageMs: number;
  env?: Record<string, string>;
  /** The longest wait for the posts after the return. */
  recoveryLimitMs: number;
}): Promise<OutageRun> {
  const h = await startHarness({
    env: { POLL_INTERVAL_SECONDS: "1", TRACKER_MAX_REQUESTS_PER_MINUTE: "100", ...options.env },
  });
  try {
    const sessions: number[] = [];
    for (let m = 0; m < options.followers; m++) sessions.push(await follower(h, m));
    const readsOf = (session: number) =>
      h.tracker.requests.filter(
        (r) =>
          r.endpoint === "histories" && r.query.session === String(session) && r.status === 200,
      ).length;
    await h.discord.waitFor(
      () => sessions.every((s) => readsOf(s) >= 2),
      20_000,
      "the poller's first reads",
    );
    h.tracker.failNext(1_000_000, "503");
    const downAt = Date.now();
    const expected: number[] = [];
    for (const [m, session] of sessions.entries()) {
      h.tracker.addHistory(session, [
        { unit: 60, source: "DICE", happened: new Date(), schedule: new Date(scheduleOf(m, 1)) },
      ]);
      expected.push(scheduleOf(m, 1) / 1000);
    }
    await sleep(options.outageMs);
    h.tracker.clearFaults();
    const backAt = Date.now();
    const allPosted = () => {
      const posted = postedSchedules(h.discord, h.channelId);
      return expected.every((id) => posted.includes(id));
    };
    while (!allPosted() && Date.now() - backAt < options.recoveryLimitMs) await sleep(20);
    const recoveryMs = allPosted() ? Date.now() - backAt : Number.POSITIVE_INFINITY;
    // A little longer, so that a second post of an item would be seen.
    await sleep(2000);
    const failed = h.tracker.requests
      .filter((r) => r.fault === "503" && r.at >= downAt)
      .map((r) => r.at - downAt);
    return {
      failed,
      recoveryMs,
      posted: postedSchedules(h.discord, h.channelId),
      expected,
      rateLimited: h.tracker.rateLimited,
    };
  } finally {
    await h.close();
  }
}

/** The longest time without a request to the tracker between `from` and `to` (ms). */
export function longestSilence(times: readonly number[], from: number, to: number): number {
  const points = [from, ...[...times].sort((a, b) => a - b), to];
  return Math.max(...points.slice(1).map((t, i) => t - (points[i] as number)));
}
