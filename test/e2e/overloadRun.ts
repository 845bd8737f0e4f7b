/**
 * Issue 24's overloaded setting, for the end-to-end test (on a sped-up clock) and the bench
 * (full size, real time): 40 subscribed sessions, TRACKER_MAX_REQUESTS_PER_MINUTE=60, a 2 s
 * interval; 5 sessions change every ~5 s, 35 have been quiet for days; during the load one
 * change on each of 5 quiet sessions. Even every session at 15 intervals (30 s) does not fit
 * 48 planned requests a minute: the schedule is "overloaded". Every delay is measured on the
 * scheduler's clock; the request breakdown comes from the bot's /metrics (by reason) and the
 * fake tracker's log (by endpoint).
 */
import type { Clock } from "../../src/util/clock.js";
import { type Harness, linkMember, startHarness, subscribeSession } from "./harness.js";
import { postedSchedules } from "./posts.js";

const day = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const members = 8;
const perMember = 5;
const busyCount = 5;
const quietChanges = 5;

export interface OverloadRun {
  /** Delays (ms, scheduler clock) of the busy sessions' changes, and of the quiet ones'. */
  busy: number[];
  quiet: number[];
  /** Changes never posted (busy and quiet). */
  unposted: number;
  /** Items posted more than once. */
  repeated: number;
  rateLimited: number;
  /** Requests during the load phase, by reason (the bot's /metrics) and by endpoint (the fake's log). */
  byReason: Record<string, number>;
  byEndpoint: Record<string, number>;
  loadMs: number;
  /** Reads of each busy session during the load phase (histories requests answered 200). */
  busyReads: number[];
}

async function scrapeReasons(port: number | undefined): Promise<Record<string, number>> {
  if (port === undefined) return {};
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/^tracker_requests_by_reason_total\{reason="(\w+)"\} (\d+)/gm)) {
    out[m[1] as string] = Number(m[2]);
  }
  return out;
}

/** 40 sessions over 8 members, each subscribed; returns the sessions, busy ones first. */
async function subscribeAll(h: Harness, clock: Clock, schedule: (i: number) => number) {
  const sessions: number[] = [];
  let n = 0;
  for (let m = 0; m < members; m++) {
    const token = `tok_overload_${m}_00112233445566778899aa`;
    h.tracker.addToken(token, { nick: `m${m}` });
    const userId = h.member(`m${m}`);
    await linkMember(h, userId, token);
    for (let i = 0; i < perMember; i++) {
      const session = h.tracker.addSession(token, { active: true });
      const busy = sessions.length < busyCount;
      // Busy: a change every 5 s over the last minute; quiet: two changes days ago.
      const past = busy
        ? Array.from({ length: 12 }, (_, k) => clock.wall() - (k + 1) * 5000)
        : [clock.wall() - 3 * day, clock.wall() - 6 * day];
      h.tracker.addHistory(
        session,
        past.map((at) => ({
          unit: 60,
          source: "DICE" as const,
          happened: new Date(at),
          schedule: new Date(schedule(n++)),
        })),
      );
      await subscribeSession(h, userId, session, 60_000);
      sessions.push(session);
    }
  }
  return sessions;
}

export async function runOverload(options: { clock: Clock; loadMs: number }): Promise<OverloadRun> {
  const { clock } = options;
  const h = await startHarness({
    clock,
    env: {
      POLL_INTERVAL_SECONDS: "2",
      TRACKER_MAX_REQUESTS_PER_MINUTE: "60",
      HEALTH_PORT: "0",
      HEALTH_HOST: "127.0.0.1",
    },
    tracker: { rateLimit: { perMinute: 60 } },
  });
  try {
    let next = 0;
    const schedule = (i: number) => Date.UTC(2027, 0, 1) + i * 60_000;
    const sessions = await subscribeAll(h, clock, schedule);
    const firstNew = next + sessions.length * 12;
    next = firstNew;
    const readsOf = (session: number) =>
      h.tracker.requests.filter(
        (r) =>
          r.endpoint === "histories" && r.query.session === String(session) && r.status === 200,
      ).length;
    // Past the poller's first sweep: every session read once after /subscribe's own read.
    await h.discord.waitFor(() => sessions.every((s) => readsOf(s) >= 2), 600_000, "first sweep");
    const happened = new Map<number, { at: number; busy: boolean }>();
    const change = (session: number, busy: boolean) => {
      const at = clock.now();
      const id = schedule(next++);
      happened.set(id / 1000, { at, busy });
      h.tracker.addHistory(session, [
        { unit: 60, source: "DICE", happened: new Date(clock.wall()), schedule: new Date(id) },
      ]);
    };
    const reasonsBefore = await scrapeReasons(h.bot.healthPort);
    const requestsBefore = h.tracker.requests.length;
    const readsBefore = sessions.slice(0, busyCount).map(readsOf);
    const postedAt = new Map<number, number>();
    const record = () => {
      for (const id of postedSchedules(h.discord, h.channelId))
        if (!postedAt.has(id)) postedAt.set(id, clock.now());
    };
    // The load: each busy session changes every ~5 s (staggered); a quiet change every
    // loadMs / 6 from the first sixth on.
    const start = clock.now();
    const busyDue = sessions.slice(0, busyCount).map((_, i) => start + i * 1000);
    let quietDone = 0;
    while (clock.now() < start + options.loadMs) {
      const now = clock.now();
      for (const [i, due] of busyDue.entries()) {
        if (now < due) continue;
        change(sessions[i] as number, true);
        busyDue[i] = due + 4000 + ((i * 7 + next) % 3) * 1000;
      }
      if (quietDone < quietChanges && now >= start + ((quietDone + 1) * options.loadMs) / 6) {
        change(sessions[busyCount + quietDone * 7] as number, false);
        quietDone++;
      }
      record();
      await sleep(20);
    }
    const loadEnd = clock.now();
    const reasonsAfter = await scrapeReasons(h.bot.healthPort);
    const load = h.tracker.requests.slice(requestsBefore);
    const busyReads = sessions
      .slice(0, busyCount)
      .map((s, i) => readsOf(s) - (readsBefore[i] as number));
    // Until everything is posted, or 95 s after the last change.
    const all = () => [...happened.keys()].every((id) => postedAt.has(id));
    while (!all() && clock.now() < loadEnd + 95_000) {
      record();
      await sleep(50);
    }
    const settle = clock.now() + 4000;
    while (clock.now() < settle) await sleep(50);
    const posted = postedSchedules(h.discord, h.channelId);
    const busy: number[] = [];
    const quiet: number[] = [];
    let unposted = 0;
    for (const [id, c] of happened) {
      const at = postedAt.get(id);
      if (at === undefined) unposted++;
      else (c.busy ? busy : quiet).push(at - c.at);
    }
    const byReason: Record<string, number> = {};
    for (const [reason, count] of Object.entries(reasonsAfter))
      byReason[reason] = count - (reasonsBefore[reason] ?? 0);
    // The fake's log by what each request was for (the same split as the bot's reasons).
    const busySet = new Set(sessions.slice(0, busyCount).map(String));
    const byEndpoint: Record<string, number> = {};
    for (const r of load) {
      const kind =
        r.endpoint === "histories"
          ? busySet.has(r.query.session ?? "")
            ? "histories (busy)"
            : "histories (quiet)"
          : r.endpoint === "sessions" && r.query.id !== undefined
            ? "sessions?id (state check)"
            : r.endpoint === "sessions"
              ? "sessions?active (lookup)"
              : (r.endpoint ?? "other");
      byEndpoint[kind] = (byEndpoint[kind] ?? 0) + 1;
    }
    return {
      busy,
      quiet,
      unposted,
      repeated: posted.length - new Set(posted).size,
      rateLimited: h.tracker.rateLimited,
      byReason,
      byEndpoint,
      loadMs: loadEnd - start,
      busyReads,
    };
  } finally {
    await h.close();
  }
}

/** The p-th percentile (0..1) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
