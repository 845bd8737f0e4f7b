/** What the scheduler tells `/subscriptions`, `/metrics` and `/healthz`. */
import type { Clock } from "../../clock.js";
import type { Subscription } from "../../store/types.js";
import type { BreakerSnapshot, BreakerState } from "../../tracker/breaker.js";
import { keysOf } from "./due.js";
import type { DueReason, Schedule } from "./schedule.js";

export interface CheckInterval {
  /** How often the subscription is actually checked now. */
  intervalMs: number;
  reason: DueReason;
  /** Running sources sharing the tracker budget. */
  sharedBy: number;
  /** Overloaded: the raised bound in force, the longest any source waits by plan (ms). */
  boundMs?: number;
}

export interface SchedulerStatus {
  /** The longest planned interval of a running source. */
  effectiveIntervalMs: number;
  /** How far behind its due time the most overdue source is. */
  lagMs: number;
  sources: number;
  /** The tracker as one site (the circuit breaker). */
  tracker: TrackerStatus;
}

export interface TrackerStatus {
  breaker: BreakerState;
  /** How long the tracker has been down as a whole (0 while closed). */
  downMs: number;
  /** Times the breaker opened since the start. */
  outages: number;
}

export function trackerStatus(snapshot: BreakerSnapshot, nowMs: number): TrackerStatus {
  return {
    breaker: snapshot.state,
    downMs: snapshot.openSince === undefined ? 0 : nowMs - snapshot.openSince,
    outages: snapshot.opens,
  };
}

/** Undefined when the subscription is checked at the configured interval (or is ended, hourly as always). */
export function describeCheck(
  schedule: Schedule,
  intervalMs: number,
  sub: Subscription,
): CheckInterval | undefined {
  let slowest: CheckInterval | undefined;
  for (const key of keysOf(sub)) {
    const found = schedule.explain(key);
    if (found === undefined || found.reason === "ended" || found.intervalMs <= intervalMs) continue;
    if (slowest === undefined || found.intervalMs > slowest.intervalMs) {
      slowest = { intervalMs: found.intervalMs, reason: found.reason, sharedBy: schedule.size() };
      if (found.reason === "overloaded") slowest.boundMs = schedule.upperBoundMs();
    }
  }
  return slowest;
}

/**
 * Until when a subscription waits on a backoff: its sources' fault streaks, and the waits
 * it shares (`shared`: its channel's backoff, the breaker's next probe; monotonic ms).
 */
export function backoffUntil(
  schedule: Schedule,
  shared: readonly (number | undefined)[],
  clock: Clock,
  sub: Subscription,
): Date | undefined {
  const nowMs = clock.now();
  const until = Math.max(
    ...shared.map((at) => at ?? 0),
    ...keysOf(sub).map((key) => {
      const next = schedule.nextReadAt(key);
      return next?.reason === "backoff" ? next.at : 0;
    }),
  );
  // Backoffs run on the monotonic clock; the date shown is that far from the wall clock's now.
  return until > nowMs ? new Date(clock.wall() + (until - nowMs)) : undefined;
}
