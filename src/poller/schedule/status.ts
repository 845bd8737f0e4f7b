/** What the scheduler tells `/subscriptions`, `/metrics` and `/healthz`. */
import type { Clock } from "../../util/clock.js";
import type { Subscription } from "../../store/types.js";
import type { BreakerSnapshot, BreakerState } from "../../tracker/breaker.js";
import type { Admission, AdmissionReason } from "./admission.js";
import { keysOf } from "./due.js";
import type { DueReason, Schedule, ScheduleStatus } from "./schedule.js";

export interface CheckInterval {
  /** How often the subscription is actually checked now. */
  intervalMs: number;
  reason: DueReason;
  /** Running sources sharing the tracker budget. */
  sharedBy: number;
  /** Overloaded: the raised bound in force, the longest any source waits by plan (ms). */
  boundMs?: number;
}

export interface SchedulerStatus extends ScheduleStatus {
  /** Sources by why they are read when they are (the admission's reason). */
  byReason: Partial<Record<AdmissionReason, number>>;
  /** Sources a fault holds back now (their own backoff, or the tracker down). */
  held: number;
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
  nowMs: number,
): CheckInterval | undefined {
  let slowest: CheckInterval | undefined;
  for (const key of keysOf(sub)) {
    const found = schedule.explain(key);
    if (found === undefined || found.reason === "ended" || found.intervalMs <= intervalMs) continue;
    if (slowest === undefined || found.intervalMs > slowest.intervalMs) {
      const sharedBy = schedule.status(nowMs).sources;
      slowest = { intervalMs: found.intervalMs, reason: found.reason, sharedBy };
      if (found.reason === "overloaded") slowest.boundMs = found.upperBoundMs;
    }
  }
  return slowest;
}

/**
 * Until when a fault holds back a subscription (its sources' own backoffs, its channel's retry,
 * the tracker's next probe): the admission's answer for each of its sources.
 */
export function faultUntil(
  admission: Admission,
  clock: Clock,
  sub: Subscription,
): Date | undefined {
  const nowMs = clock.now();
  const until = Math.max(
    ...keysOf(sub).map((key) => admission.of(key, nowMs, sub.channelId).faultUntil),
  );
  // Backoffs run on the monotonic clock; the date shown is that far from the wall clock's now.
  return until > nowMs ? new Date(clock.wall() + (until - nowMs)) : undefined;
}
