/**
 * FROZEN ON PURPOSE: the schedule as it was before the square-root rule (src/poller/schedule.ts
 * at 67175d3), kept verbatim for bench/simulate.ts: "today" in the comparison (bench/README.md).
 * Do not refactor, rename or "fix" it (its "cycle" wording, its long functions, its comments on
 * the code of that day included): any change moves the "today" figures `npm run bench:schedule`
 * reports and the README's tables compare against. Not used by the bot.
 */
/**
 * When is a source polled next, and why: the one place that decides.
 *
 * Every source (a member's session read, or a member's active-session
 * lookup) is due `intervalOf(key)` after its last poll; never polled means
 * due now. The intervals come from a plan redone as sources come and go:
 * - enough budget: everyone at the base interval (POLL_INTERVAL_SECONDS);
 * - not enough: the sources quiet the longest stretch first, one by one, to
 *   `maxStretch` x the base (a source that changed within `busyWindowMs`
 *   stretches last), until the plan fits the budget;
 * - still too much at that ("overloaded"): sources busy within the last
 *   hour share up to half the budget, each read about every (time since its
 *   last change) / k within [base, maxStretch x] so the ones changing now
 *   keep the base interval, and the quiet ones stretch beyond maxStretch by
 *   the factor the rest of the budget falls short.
 * Ended sessions are read hourly and count for that little.
 */

export type DueReason = "base" | "quiet" | "overloaded" | "ended";

export interface ScheduleOptions {
  intervalMs: number;
  endedIntervalMs: number;
  /** Requests per minute the plan may use for polls. */
  budgetPerMinute: number;
  /** Share of the budget polls may plan for; the rest is for members waiting on commands and slack. Default 0.8. */
  headroom?: number;
  /** The stated bound: a quiet source waits at most this many intervals (unless overloaded). Default 15. */
  maxStretch?: number;
  /** A source that changed this recently is busy and stretches last. Default 1 h. */
  busyWindowMs?: number;
}

interface Timing {
  firstSeenAt: number;
  lastPolledAt: number | undefined;
  lastChangeAt: number | undefined;
  /** Requests one poll of this source costs (moving average). */
  cost: number;
  ended: boolean;
  intervalMs: number;
  reason: DueReason;
}

export interface Explanation {
  intervalMs: number;
  reason: DueReason;
  dueAt: number;
}

export interface Schedule {
  /**
   * The sources that exist now, each with when it last changed as far as the
   * store knows (a subscription's last post: so a restart keeps busy sessions
   * busy); forgets the others and re-plans.
   */
  census(keys: Iterable<string> | ReadonlyMap<string, number | undefined>, nowMs: number): void;
  isDue(key: string, nowMs: number): boolean;
  /** Records a poll: `changed` when it found something new; `requests` it cost. */
  polled(key: string, nowMs: number, outcome: { changed: boolean; requests: number }): void;
  /** The last poll of `key` found something new: it counts as busy for a while. */
  changed(key: string, nowMs: number): void;
  /** Marks a source ended (hourly) or running again. */
  setEnded(key: string, ended: boolean): void;
  /** Polls `key` at the next chance (a session just switched, a channel freed). */
  dueNow(key: string): void;
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
   * Order among due sources, lowest first: the due time plus a tenth of the
   * interval (a source checked every 15 min bears a late minute better than
   * one checked every minute, so behind schedule the busy ones go first); for
   * a source never polled, its first sighting plus its interval, so a first
   * sweep over many new sources does not hold back the busy ones already found.
   */
  priority(key: string): number;
}

export function createSchedule(options: ScheduleOptions): Schedule {
  const headroom = options.headroom ?? 0.8;
  const maxStretch = options.maxStretch ?? 15;
  const busyWindowMs = options.busyWindowMs ?? 60 * 60_000;
  const base = options.intervalMs;
  const timings = new Map<string, Timing>();
  let longest = base;

  const dueAt = (t: Timing) => (t.lastPolledAt === undefined ? 0 : t.lastPolledAt + t.intervalMs);

  function replan(nowMs: number): void {
    let available = options.budgetPerMinute * headroom * (base / 60_000);
    const running: Timing[] = [];
    for (const t of timings.values()) {
      if (t.ended) {
        t.intervalMs = options.endedIntervalMs;
        t.reason = "ended";
        available -= t.cost * (base / options.endedIntervalMs);
      } else running.push(t);
    }
    let demand = 0;
    for (const t of running) {
      demand += t.cost;
      t.intervalMs = base;
      t.reason = "base";
    }
    longest = base;
    if (demand <= available) return;
    // Quietest first: never changed (oldest first seen), then the longest since a change.
    const quietSince = (t: Timing) => t.lastChangeAt ?? t.firstSeenAt - busyWindowMs * 1e3;
    const isBusy = (t: Timing) =>
      t.lastChangeAt !== undefined && t.lastChangeAt > nowMs - busyWindowMs;
    // Only sources quiet for longer than busyWindowMs stretch to maxStretch, quietest first.
    const quiet = running.filter((t) => !isBusy(t));
    quiet.sort((a, b) => quietSince(a) - quietSince(b));
    for (const t of quiet) {
      if (demand <= available) return;
      demand -= t.cost * (1 - 1 / maxStretch);
      t.intervalMs = base * maxStretch;
      t.reason = "quiet";
      longest = base * maxStretch;
    }
    if (demand <= available) return;
    // Even at 15x it does not fit: busy sources share up to half the budget. Within it each
    // is read about every (how long it had been quiet at its last read) / k, never faster than the base nor
    // slower than maxStretch x, k the largest that fits: the sessions changing right now keep
    // the base interval, and one that went quiet slows down as its quiet grows.
    const busy = running.filter(isBusy);
    let busyDemand = busy.reduce((sum, t) => sum + t.cost, 0);
    const quietDemand = demand - busyDemand;
    const busyShare = Math.min(busyDemand, available / 2);
    if (busyDemand > busyShare) {
      // How long it had been quiet when last read: a read that found a change makes it 0. Not
      // measured up to now, so an unread change cannot stretch a busy session further and further.
      const age = (t: Timing) =>
        Math.max(0, (t.lastPolledAt ?? nowMs) - (t.lastChangeAt ?? t.lastPolledAt ?? nowMs));
      const intervalFor = (t: Timing, k: number) =>
        Math.min(base * maxStretch, Math.max(base, age(t) / k));
      const demandAt = (k: number) =>
        busy.reduce((sum, t) => sum + (t.cost * base) / intervalFor(t, k), 0);
      // demandAt grows with k: bisect (geometrically) for the largest k that fits.
      let lo = 1e-9;
      let hi = 1e9;
      for (let i = 0; i < 60; i++) {
        const mid = Math.sqrt(lo * hi);
        if (demandAt(mid) <= busyShare) lo = mid;
        else hi = mid;
      }
      for (const t of busy) {
        t.intervalMs = Math.round(intervalFor(t, lo));
        if (t.intervalMs > base) t.reason = "overloaded";
        longest = Math.max(longest, t.intervalMs);
      }
      busyDemand = demandAt(lo);
    }
    const quietShare = Math.max(available - busyDemand, 1e-9);
    const factors = {
      busy: Math.max(1, busyDemand / Math.max(busyShare, 1e-9)),
      quiet: Math.max(1, quietDemand / quietShare),
    };
    for (const t of running) {
      const factor = isBusy(t) ? factors.busy : factors.quiet;
      if (factor <= 1) continue;
      t.intervalMs = Math.round(t.intervalMs * factor);
      t.reason = "overloaded";
      longest = Math.max(longest, t.intervalMs);
    }
  }

  return {
    census(keys, nowMs) {
      const seen = new Set<string>();
      const entries: Iterable<[string, number | undefined]> =
        keys instanceof Map
          ? keys
          : [...keys].map((key) => [key, undefined] as [string, undefined]);
      for (const [key, hint] of entries) {
        seen.add(key);
        const known = timings.get(key);
        if (known === undefined) {
          timings.set(key, {
            firstSeenAt: nowMs,
            lastPolledAt: undefined,
            lastChangeAt: hint,
            cost: 1,
            ended: false,
            intervalMs: base,
            reason: "base",
          });
        } else if (hint !== undefined && (known.lastChangeAt ?? 0) < hint) {
          known.lastChangeAt = hint;
        }
      }
      for (const key of timings.keys()) if (!seen.has(key)) timings.delete(key);
      replan(nowMs);
    },
    isDue(key, nowMs) {
      const t = timings.get(key);
      return t === undefined || nowMs >= dueAt(t);
    },
    polled(key, nowMs, outcome) {
      const t = timings.get(key);
      if (t === undefined) return;
      t.lastPolledAt = nowMs;
      if (outcome.changed) t.lastChangeAt = nowMs;
      if (outcome.requests > 0) t.cost = 0.8 * t.cost + 0.2 * outcome.requests;
    },
    changed(key, nowMs) {
      const t = timings.get(key);
      if (t !== undefined) t.lastChangeAt = nowMs;
    },
    setEnded(key, ended) {
      const t = timings.get(key);
      if (t !== undefined) t.ended = ended;
    },
    dueNow(key) {
      const t = timings.get(key);
      if (t !== undefined) t.lastPolledAt = undefined;
    },
    explain(key) {
      const t = timings.get(key);
      return t && { intervalMs: t.intervalMs, reason: t.reason, dueAt: dueAt(t) };
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
  };
}
