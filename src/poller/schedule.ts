/**
 * When is a source read next, and why.
 *
 * Every source (a member's session read, or a member's active-session lookup) is due
 * `intervalOf(key)` after its last read (monotonic clock); never read means due now. The
 * intervals come from a plan redone as sources come and go:
 * - enough budget: everyone at the base interval (POLL_INTERVAL_SECONDS);
 * - not enough: the square-root rule (allocate.ts) on each source's change rate, estimated
 *   from the `happened` dates of the items it has seen (rate.ts), within [base, 15 × base];
 * - when even 15 × does not fit ("overloaded"): the rule alone, the upper bound lifted.
 * Ended sessions are read hourly and count for that little.
 *
 * One record per source owns all of it: rate estimate, interval and reason, fault streak
 * (backoff), ended flag and its hourly state check, a pending final read, last read, and what
 * held it back this tick (its channels busy, or the per-tick cap). nextReadAt(key) is the
 * answer to "when is this read next, and why"; isDue() is that answer against the clock, and
 * pick() is the due stage (which due sources this tick takes up, at most `perTick`). The whole tracker being down is the
 * breaker's (src/tracker/breaker.ts), which holds every read and, once the tracker is back,
 * makes every source due at once (allDueNow).
 */
import { nextStreak, type TaggedStreak } from "../util/backoff.js";
import { allocate } from "./allocate.js";
import { observe, type RateState, rateOf } from "./rate.js";
import type {
  Candidate,
  DueReason,
  HeldReason,
  LookupResult,
  ReadReason,
  Schedule,
  ScheduleOptions,
} from "./scheduleTypes.js";

export type {
  Candidate,
  DueReason,
  Explanation,
  HeldReason,
  LookupResult,
  ReadReason,
  Schedule,
  ScheduleOptions,
} from "./scheduleTypes.js";

interface Timing {
  firstSeenAt: number;
  lastPolledAt: number | undefined;
  rate: RateState | undefined;
  /** Requests one poll of this source costs (moving average). */
  cost: number;
  ended: boolean;
  intervalMs: number;
  reason: DueReason;
  /** A fault streak of this source's own (a 400, a timeout before the breaker opened...). */
  streak: TaggedStreak | undefined;
  /** A read asked for out of plan (since then): a session that just stopped running. */
  finalSince: number | undefined;
  /** Subscriptions (followers) that got their last read of this no longer running session. */
  finalReadBy: Set<string>;
  /** Due but not taken up by the last pick. */
  held: HeldReason | undefined;
  /** The last state check of the session (ended? game changes?), monotonic ms. */
  checkedAt: number | undefined;
  gamesChanges: boolean | undefined;
  /** For an active-session lookup: what the last one found. */
  lookup: LookupResult | undefined;
}

const planned = (t: Timing) => (t.lastPolledAt === undefined ? 0 : t.lastPolledAt + t.intervalMs);
const dueAt = (t: Timing) => Math.min(planned(t), t.finalSince ?? Number.POSITIVE_INFINITY);
/** When it is read next: its due time, or later while a fault streak holds it back. */
const readAt = (t: Timing) => Math.max(dueAt(t), t.streak?.retryAt ?? 0);
const isDue = (t: Timing, nowMs: number) => nowMs >= readAt(t);
const priority = (t: Timing) =>
  t.lastPolledAt === undefined && t.finalSince === undefined
    ? t.firstSeenAt + t.intervalMs
    : dueAt(t) + t.intervalMs / 10;

function newTiming(nowMs: number, intervalMs: number, rate: RateState | undefined): Timing {
  return {
    firstSeenAt: nowMs,
    lastPolledAt: undefined,
    rate,
    cost: 1,
    ended: false,
    intervalMs,
    reason: "base",
    streak: undefined,
    finalSince: undefined,
    finalReadBy: new Set(),
    held: undefined,
    checkedAt: undefined,
    gamesChanges: undefined,
    lookup: undefined,
  };
}

interface PlanOptions {
  base: number;
  endedIntervalMs: number;
  budgetPerMinute: number;
  headroom: number;
  maxStretch: number;
}

/** Sets every record's interval and reason; returns the longest interval of a running source. */
function replan(timings: Iterable<Timing>, o: PlanOptions, wallMs: number): number {
  let budgetPerMs = (o.budgetPerMinute * o.headroom) / 60_000;
  const running: Timing[] = [];
  for (const t of timings) {
    if (t.ended) {
      t.intervalMs = o.endedIntervalMs;
      t.reason = "ended";
      budgetPerMs -= t.cost / o.endedIntervalMs;
    } else running.push(t);
  }
  const plan = allocate(
    running.map((t) => ({ rate: rateOf(t.rate, wallMs), cost: t.cost })),
    { baseMs: o.base, maxStretch: o.maxStretch, budgetPerMs: Math.max(budgetPerMs, 1e-12) },
  );
  let longest = o.base;
  running.forEach((t, i) => {
    t.intervalMs = Math.round(plan.intervals[i] as number);
    t.reason =
      t.intervalMs <= o.base ? "base" : plan.mode === "overloaded" ? "overloaded" : "quiet";
    longest = Math.max(longest, t.intervalMs);
  });
  return longest;
}

/** Why the source is read when it is (see Schedule.nextReadAt). */
function readReason(t: Timing, endedIntervalMs: number): { at: number; reason: ReadReason } {
  const at = dueAt(t);
  // In a fault streak the backoff is why (the plan's due time may still come later).
  if (t.streak !== undefined) return { at: readAt(t), reason: "backoff" };
  if (t.held !== undefined) return { at, reason: t.held };
  if (t.finalSince !== undefined) return { at, reason: "finalRead" };
  if (!t.ended && t.checkedAt !== undefined && at >= t.checkedAt + endedIntervalMs)
    return { at, reason: "stateCheck" };
  return { at, reason: t.reason };
}

/** The due stage (see Schedule.pick); marks the due ones it leaves as held. */
function takeDue(
  timings: ReadonlyMap<string, Timing>,
  candidates: Iterable<Candidate>,
  nowMs: number,
  limit: number,
): Set<string> {
  const busy = new Map<string, boolean>();
  for (const c of candidates) busy.set(c.key, (busy.get(c.key) ?? true) && c.busy);
  const due: Array<{ key: string; t: Timing | undefined }> = [];
  for (const [key, allBusy] of busy) {
    const t = timings.get(key);
    if (t !== undefined && !isDue(t, nowMs)) continue;
    // Its channels take nothing new: it stays due and is read as soon as one is free.
    if (allBusy) {
      if (t !== undefined) t.held = "channelBusy";
    } else due.push({ key, t });
  }
  due.sort((a, b) => (a.t ? priority(a.t) : 0) - (b.t ? priority(b.t) : 0));
  const taken = new Set<string>();
  for (const [i, { key, t }] of due.entries()) {
    if (i < Math.max(1, limit)) taken.add(key);
    if (t !== undefined) t.held = taken.has(key) ? undefined : "queued";
  }
  return taken;
}

export function createSchedule(options: ScheduleOptions): Schedule {
  const base = options.intervalMs;
  const plan: PlanOptions = {
    base,
    endedIntervalMs: options.endedIntervalMs,
    budgetPerMinute: options.budgetPerMinute,
    headroom: options.headroom ?? 0.8,
    maxStretch: options.maxStretch ?? 15,
  };
  const backoffOptions = {
    baseMs: base,
    maxMs: options.maxBackoffMs ?? 15 * 60_000,
    random: options.random ?? Math.random,
  };
  const timings = new Map<string, Timing>();
  const restored = new Map<string, RateState>();
  let longest = base;

  return {
    census(keys, nowMs, wallMs) {
      const seen = new Set<string>();
      for (const key of keys) {
        seen.add(key);
        if (!timings.has(key)) timings.set(key, newTiming(nowMs, base, restored.get(key)));
      }
      for (const key of timings.keys()) if (!seen.has(key)) timings.delete(key);
      longest = replan(timings.values(), plan, wallMs);
    },
    isDue(key, nowMs) {
      const t = timings.get(key);
      return t === undefined || isDue(t, nowMs);
    },
    nextReadAt(key) {
      const t = timings.get(key);
      return t === undefined ? undefined : readReason(t, options.endedIntervalMs);
    },
    pick: (candidates, nowMs, limit = options.perTick ?? Number.MAX_SAFE_INTEGER) =>
      takeDue(timings, candidates, nowMs, limit),
    ready(key, nowMs) {
      const retryAt = timings.get(key)?.streak?.retryAt;
      return retryAt === undefined || nowMs >= retryAt;
    },
    failed(key, nowMs, retryAfterMs, cause) {
      const t = timings.get(key);
      const previous = t?.streak;
      const streak = nextStreak(previous, nowMs, backoffOptions, retryAfterMs, cause);
      if (t !== undefined) t.streak = streak;
      return { first: previous === undefined, failures: streak.failures, retryAt: streak.retryAt };
    },
    succeeded(key) {
      const t = timings.get(key);
      const streak = t?.streak;
      if (t === undefined || streak === undefined) return undefined;
      t.streak = undefined;
      return { failures: streak.failures, sinceMs: streak.sinceMs };
    },
    forgive(cause) {
      for (const t of timings.values()) if (t.streak?.cause === cause) t.streak = undefined;
    },
    failures: (key) => timings.get(key)?.streak?.failures ?? 0,
    polled(key, nowMs, outcome) {
      const t = timings.get(key);
      if (t === undefined) return;
      t.lastPolledAt = nowMs;
      t.held = undefined;
      // A failed final read stays pending: the backoff says when it is tried again.
      if (outcome.ok !== false) t.finalSince = undefined;
      if (outcome.requests > 0) t.cost = 0.8 * t.cost + 0.2 * outcome.requests;
    },
    finalRead(key, nowMs) {
      const t = timings.get(key);
      if (t !== undefined && t.finalSince === undefined) t.finalSince = nowMs;
    },
    hadFinalRead: (key, subscriptionId) =>
      timings.get(key)?.finalReadBy.has(subscriptionId) ?? false,
    finalReadDone(key, subscriptionIds) {
      const t = timings.get(key);
      if (t !== undefined) for (const id of subscriptionIds) t.finalReadBy.add(id);
    },
    stateCheckDue(key, nowMs) {
      const checkedAt = timings.get(key)?.checkedAt;
      return checkedAt === undefined || nowMs - checkedAt >= options.endedIntervalMs;
    },
    checked(key, nowMs, state) {
      const t = timings.get(key);
      if (t === undefined) return;
      // Just seen ending: one read right away for its last changes, then the hourly rhythm.
      if (state.ended && !t.ended) t.finalSince = nowMs;
      t.checkedAt = nowMs;
      t.gamesChanges = state.gamesChanges;
      t.ended = state.ended;
      if (state.ended) {
        t.intervalMs = options.endedIntervalMs;
        t.reason = "ended";
      }
    },
    endedWaits(key, nowMs) {
      const t = timings.get(key);
      if (t === undefined || !t.ended || t.finalSince !== undefined) return false;
      return t.lastPolledAt !== undefined && nowMs - t.lastPolledAt < options.endedIntervalMs;
    },
    lookedUp(key, result) {
      const t = timings.get(key);
      const before = t?.lookup;
      if (t !== undefined) t.lookup = result;
      for (const [sessionKey, games] of result.games) {
        const s = timings.get(sessionKey);
        if (s !== undefined) s.gamesChanges = games;
      }
      return before;
    },
    runningOf: (key) => timings.get(key)?.lookup?.running,
    gamesChangesOf: (key, lookupKey) =>
      timings.get(key)?.gamesChanges ?? timings.get(lookupKey)?.lookup?.games.get(key),
    observed(key, happened, wallMs) {
      const t = timings.get(key);
      if (t !== undefined) t.rate = observe(t.rate, happened, wallMs);
    },
    allDueNow() {
      for (const t of timings.values()) t.lastPolledAt = undefined;
    },
    explain(key) {
      const t = timings.get(key);
      if (t === undefined) return undefined;
      const perHour = rateOf(t.rate, t.rate?.at ?? 0) * 3_600_000;
      return {
        intervalMs: t.intervalMs,
        reason: t.reason,
        dueAt: dueAt(t),
        changesPerHour: perHour,
        estimated: t.rate !== undefined,
      };
    },
    effectiveIntervalMs: () => longest,
    lagMs(nowMs) {
      let lag = 0;
      for (const t of timings.values()) {
        lag = Math.max(lag, nowMs - (t.lastPolledAt === undefined ? t.firstSeenAt : dueAt(t)));
      }
      return lag;
    },
    size() {
      let n = 0;
      for (const t of timings.values()) if (!t.ended) n++;
      return n;
    },
    priority(key) {
      const t = timings.get(key);
      return t === undefined ? 0 : priority(t);
    },
    nextDueAt() {
      let next: number | undefined;
      for (const t of timings.values()) {
        const at = readAt(t);
        if (next === undefined || at < next) next = at;
      }
      return next;
    },
    rates() {
      const out: Record<string, RateState> = {};
      for (const [key, t] of timings) if (t.rate !== undefined) out[key] = t.rate;
      return out;
    },
    restore(rates) {
      for (const [key, rate] of Object.entries(rates)) {
        restored.set(key, rate);
        const t = timings.get(key);
        if (t !== undefined && t.rate === undefined) t.rate = rate;
      }
    },
  };
}
