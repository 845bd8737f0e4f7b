/**
 * When is a source read next, and why.
 *
 * Every source (a member's session read, or a member's active-session lookup) is due its
 * planned interval after its last read (monotonic clock); never read means due now. The
 * intervals come from a plan redone as sources come and go:
 * - enough budget: everyone at the base interval (POLL_INTERVAL_SECONDS);
 * - not enough: the square-root rule (allocate.ts) on each source's change rate, estimated
 *   from the `happened` dates of the items it has seen (rate.ts), within [base, 15 × base];
 * - when even 15 × does not fit ("overloaded"): the upper bound raised only as far as needed
 *   (twice the even split of the budget: allocate.ts), the rest by the rule.
 * Ended sessions are read hourly and count for that little.
 *
 * One record per source owns all of it: rate estimate, interval and reason, fault streak
 * (backoff), ended flag and its hourly state check, a pending final read, last read, and what
 * held it back this tick (its channels busy, or the per-tick cap). nextReadAt(key) is the
 * record's answer to "when is this read next, and why", and pick() is the due stage (which due
 * sources this tick takes up, at most `perTick`). The whole tracker being down is the breaker's
 * (src/tracker/breaker.ts), which holds every read and, once the tracker is back, makes every
 * source due at once (forgive's `allDue`); admission.ts puts the record, the breaker and the
 * channels' retries together.
 */
import { nextStreak } from "../../util/backoff.js";
import { observe, type RateState, rateOf } from "./rate.js";
import {
  dueAt,
  newTiming,
  type PlanOptions,
  priority,
  readReason,
  replan,
  takeDue,
  type Timing,
} from "./scheduleRecord.js";
import type { Schedule, ScheduleOptions } from "./scheduleTypes.js";

export type {
  Candidate,
  DueReason,
  Explanation,
  HeldReason,
  LookupResult,
  ReadReason,
  Schedule,
  ScheduleOptions,
  ScheduleStatus,
} from "./scheduleTypes.js";

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
  let upperMs = base * plan.maxStretch;

  return {
    census(keys, nowMs, wallMs) {
      const seen = keys instanceof Set ? (keys as ReadonlySet<string>) : new Set(keys);
      for (const key of seen) {
        if (!timings.has(key)) timings.set(key, newTiming(nowMs, base, restored.get(key)));
      }
      // Every key seen has a record now: as many records as keys means none to remove.
      if (timings.size > seen.size)
        for (const key of timings.keys()) if (!seen.has(key)) timings.delete(key);
      ({ longest, upperMs } = replan(timings.values(), plan, wallMs));
    },
    nextReadAt(key) {
      const t = timings.get(key);
      return t === undefined ? undefined : readReason(t, options.endedIntervalMs);
    },
    pick: (candidates, nowMs, limit = options.perTick ?? Number.MAX_SAFE_INTEGER, anyTime) =>
      takeDue(timings, candidates, nowMs, limit, anyTime),
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
    forgive(cause, allDue = false) {
      for (const t of timings.values()) {
        if (t.streak?.cause === cause) t.streak = undefined;
        if (allDue) t.lastPolledAt = undefined;
      }
    },
    polled(key, nowMs, outcome) {
      const t = timings.get(key);
      if (t === undefined) return;
      t.lastPolledAt = nowMs;
      t.held = undefined;
      // A failed final read stays pending: the backoff says when it is tried again.
      if (outcome.ok !== false) t.finalSince = undefined;
      if (outcome.requests > 0) t.cost = 0.8 * t.cost + 0.2 * outcome.requests;
    },
    finalRead(key, subscriptionId, nowMs, maxFailures) {
      const t = timings.get(key);
      if (t?.finalReadBy.has(subscriptionId) || (t?.streak?.failures ?? 0) >= maxFailures)
        return false;
      if (t !== undefined && t.finalSince === undefined) t.finalSince = nowMs;
      return true;
    },
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
        upperBoundMs: upperMs,
      };
    },
    status(nowMs) {
      let lagMs = 0;
      let sources = 0;
      for (const t of timings.values()) {
        lagMs = Math.max(lagMs, nowMs - (t.lastPolledAt === undefined ? t.firstSeenAt : dueAt(t)));
        if (!t.ended) sources++;
      }
      return { effectiveIntervalMs: longest, lagMs, sources };
    },
    priority(key) {
      const t = timings.get(key);
      return t === undefined ? 0 : priority(t);
    },
    keys: () => timings.keys(),
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
