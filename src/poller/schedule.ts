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
 * (backoff), ended flag, last read. nextReadAt(key) is the answer to "when is this read next,
 * and why"; isDue() is that answer against the clock. The whole tracker being down is the
 * breaker's (src/tracker/breaker.ts), which holds every read and, once the tracker is back,
 * makes every source due at once (allDueNow).
 */
import { backoffDelay, type FailureInfo, maxRetryAfterMs, type Streak } from "../util/backoff.js";
import { allocate } from "./allocate.js";
import { observe, type RateState, rateOf } from "./rate.js";

export type DueReason = "base" | "quiet" | "overloaded" | "ended";

/** Why a source is read when it is: its plan, or a fault streak holding it back. */
export type ReadReason = DueReason | "backoff";

export interface ScheduleOptions {
  intervalMs: number;
  endedIntervalMs: number;
  /** Requests per minute the plan may use for polls. */
  budgetPerMinute: number;
  /** Share of the budget polls may plan for; the rest is for members waiting on commands and slack. Default 0.8. */
  headroom?: number;
  /** The stated bound: a quiet source waits at most this many intervals (unless overloaded). Default 15. */
  maxStretch?: number;
  /** Cap of a source's own backoff after failures. Default 15 min. */
  maxBackoffMs?: number;
  /** 0 <= random() < 1, for the backoff's jitter. */
  random?: () => number;
}

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
  streak: (Streak & { retryAt: number; cause: string | undefined }) | undefined;
}

export interface Explanation {
  intervalMs: number;
  reason: DueReason;
  dueAt: number;
  /** Estimated changes per hour. */
  changesPerHour: number;
  /** Whether the rate comes from the source's own items (false: the prior). */
  estimated: boolean;
}

export interface Schedule {
  /** The sources that exist now; forgets the others and re-plans (`wallMs` dates the rates). */
  census(keys: Iterable<string>, nowMs: number, wallMs: number): void;
  /** Due by its plan and not held back by a backoff. */
  isDue(key: string, nowMs: number): boolean;
  /**
   * When `key` is read next, and why: the one answer the loop (through isDue), /subscriptions,
   * /healthz and /metrics use. Undefined for a source the schedule does not know.
   */
  nextReadAt(key: string): { at: number; reason: ReadReason } | undefined;
  /** Not held back by a backoff (a forced pass reads everything else). */
  ready(key: string, nowMs: number): boolean;
  /** A failed read of `key`: starts or extends its backoff; `cause` tags the streak. */
  failed(key: string, nowMs: number, retryAfterMs?: number, cause?: string): FailureInfo;
  /** A successful read ends its streak; returns the streak when there was one. */
  succeeded(key: string): Streak | undefined;
  /** Ends every streak of this cause (the tracker's breaker took the outage over). */
  forgive(cause: string): void;
  /** Failures of the current streak (0 outside one). */
  failures(key: string): number;
  /** Records a read (or a failed try) and the requests it cost. */
  polled(key: string, nowMs: number, outcome: { requests: number }): void;
  /** A read saw items with these `happened` dates (wall ms), at `wallMs`: updates the rate. */
  observed(key: string, happened: readonly number[], wallMs: number): void;
  /** Marks a source ended (hourly) or running again. */
  setEnded(key: string, ended: boolean): void;
  /** Polls `key` at the next chance (a session just switched). */
  dueNow(key: string): void;
  /** Every source is due at once (the tracker is back after an outage). */
  allDueNow(): void;
  explain(key: string): Explanation | undefined;
  /** The longest planned interval of a running source (the effective interval). */
  effectiveIntervalMs(): number;
  /** How far behind its due time the most overdue source is (0 when none is). */
  lagMs(nowMs: number): number;
  /** Sources sharing the budget (running ones). */
  size(): number;
  /** Earliest due time of any source, for the loop's next wake-up. */
  nextDueAt(): number | undefined;
  /**
   * Order among due sources, lowest first: the due time plus a tenth of the interval (a source
   * checked every 15 min bears a late minute better than one checked every minute, so behind
   * schedule the busy ones go first); for a source never read, its first sighting plus its
   * interval, so a first sweep over many new sources does not hold back the busy ones found
   * (and after a restart, the stored rates put the busy ones first in that sweep).
   */
  priority(key: string): number;
  /** The rate states worth keeping over a restart, by key. */
  rates(): Record<string, RateState>;
  /** Rate states read back after a restart (for keys not estimated yet). */
  restore(rates: Readonly<Record<string, RateState>>): void;
}

export function createSchedule(options: ScheduleOptions): Schedule {
  const headroom = options.headroom ?? 0.8;
  const maxStretch = options.maxStretch ?? 15;
  const base = options.intervalMs;
  const backoffOptions = {
    baseMs: base,
    maxMs: options.maxBackoffMs ?? 15 * 60_000,
    random: options.random ?? Math.random,
  };
  const timings = new Map<string, Timing>();
  const restored = new Map<string, RateState>();
  let longest = base;

  const dueAt = (t: Timing) => (t.lastPolledAt === undefined ? 0 : t.lastPolledAt + t.intervalMs);

  function replan(wallMs: number): void {
    let budgetPerMs = (options.budgetPerMinute * headroom) / 60_000;
    const running: Timing[] = [];
    for (const t of timings.values()) {
      if (t.ended) {
        t.intervalMs = options.endedIntervalMs;
        t.reason = "ended";
        budgetPerMs -= t.cost / options.endedIntervalMs;
      } else running.push(t);
    }
    const plan = allocate(
      running.map((t) => ({ rate: rateOf(t.rate, wallMs), cost: t.cost })),
      { baseMs: base, maxStretch, budgetPerMs: Math.max(budgetPerMs, 1e-12) },
    );
    longest = base;
    running.forEach((t, i) => {
      t.intervalMs = Math.round(plan.intervals[i] as number);
      t.reason =
        t.intervalMs <= base ? "base" : plan.mode === "overloaded" ? "overloaded" : "quiet";
      longest = Math.max(longest, t.intervalMs);
    });
  }

  return {
    census(keys, nowMs, wallMs) {
      const seen = new Set<string>();
      for (const key of keys) {
        seen.add(key);
        if (timings.has(key)) continue;
        timings.set(key, {
          firstSeenAt: nowMs,
          lastPolledAt: undefined,
          rate: restored.get(key),
          cost: 1,
          ended: false,
          intervalMs: base,
          reason: "base",
          streak: undefined,
        });
      }
      for (const key of timings.keys()) if (!seen.has(key)) timings.delete(key);
      replan(wallMs);
    },
    isDue(key, nowMs) {
      const t = timings.get(key);
      return t === undefined || nowMs >= Math.max(dueAt(t), t.streak?.retryAt ?? 0);
    },
    nextReadAt(key) {
      const t = timings.get(key);
      if (t === undefined) return undefined;
      const planned = dueAt(t);
      // In a fault streak the backoff is why (the plan's due time may still come later).
      if (t.streak !== undefined)
        return { at: Math.max(planned, t.streak.retryAt), reason: "backoff" };
      return { at: planned, reason: t.reason };
    },
    ready(key, nowMs) {
      const retryAt = timings.get(key)?.streak?.retryAt;
      return retryAt === undefined || nowMs >= retryAt;
    },
    failed(key, nowMs, retryAfterMs, cause) {
      const t = timings.get(key);
      const previous = t?.streak;
      const failures = (previous?.failures ?? 0) + 1;
      let delay = backoffDelay(failures, backoffOptions);
      if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
        delay = Math.max(delay, Math.min(retryAfterMs, maxRetryAfterMs));
      }
      const retryAt = nowMs + delay;
      if (t !== undefined)
        t.streak = { failures, sinceMs: previous?.sinceMs ?? nowMs, retryAt, cause };
      return { first: previous === undefined, failures, retryAt };
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
      if (outcome.requests > 0) t.cost = 0.8 * t.cost + 0.2 * outcome.requests;
    },
    observed(key, happened, wallMs) {
      const t = timings.get(key);
      if (t !== undefined) t.rate = observe(t.rate, happened, wallMs);
    },
    setEnded(key, ended) {
      const t = timings.get(key);
      if (t !== undefined) t.ended = ended;
    },
    dueNow(key) {
      const t = timings.get(key);
      if (t !== undefined) t.lastPolledAt = undefined;
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
      if (t === undefined) return 0;
      return t.lastPolledAt === undefined
        ? t.firstSeenAt + t.intervalMs
        : dueAt(t) + t.intervalMs / 10;
    },
    nextDueAt() {
      let next: number | undefined;
      for (const t of timings.values()) {
        const at = dueAt(t);
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
