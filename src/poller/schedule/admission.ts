/**
 * Admission: when may a source be read next, and why. Three owners hold a part of the answer:
 * the source's schedule record (its plan, its own fault streak, a hold of this tick by busy
 * channels or the per-tick cap, a final read, the ended rhythm and hourly state check), the
 * tracker's breaker (the whole site down: nothing but one probe now and then, tracker/breaker.ts)
 * and its channel's retry of pending posts (its sources wait for the channel). The request
 * budget's share is the per-tick cap ("queued"). This puts them together once: the loop's read
 * decisions, its wake-up, `/subscriptions`, `/healthz` and `/metrics` read this answer.
 */
import type { Breaker } from "../../tracker/breaker.js";
import type { Backoff } from "../../util/backoff.js";
import { channelKey } from "../sender/channels.js";
import type { ReadReason, Schedule } from "./scheduleTypes.js";
import { type SchedulerStatus, trackerStatus } from "./status.js";

/** The schedule record's reasons, and the waits shared with other sources. */
export type AdmissionReason =
  | ReadReason
  /** The tracker is down as a whole: the next read is its next probe. */
  | "breakerOpen"
  /** The probe is under way (half-open); the one after it goes at `at` if it never answers. */
  | "probe"
  /** Its channel waits out a backoff before its pending posts go again. */
  | "channelRetry";

export interface ReadAdmission {
  /** When it may be read next (monotonic ms; at or before now: now). */
  at: number;
  reason: AdmissionReason;
  /**
   * Until when a fault holds it back: its own backoff, its channel's retry, the tracker's next
   * probe (monotonic ms; 0: no fault).
   */
  faultUntil: number;
  /**
   * A fault forbids reading it now, whatever its plan: its own backoff, or the breaker open
   * (a forced pass and the probe obey this; the probe itself is what half-open lets through).
   */
  held: boolean;
}

export interface AdmissionDeps {
  schedule: Schedule;
  breaker: Breaker;
  /** The channels' backoffs (sender/channels.ts). */
  channels: Backoff;
}

export interface Admission {
  /** When `key` may be read next and why; `channelId`: one channel it posts to, whose retry counts too. */
  of(key: string, nowMs: number, channelId?: string): ReadAdmission;
  /**
   * Once a tick, before anything is read: "go" (the tracker answers), "probe" (this tick sends
   * the one probe: the breaker is half-open until it answers) or "wait" (the tracker is down).
   */
  tick(nowMs: number): "go" | "probe" | "wait";
  /** When the loop wakes next: the earliest source's read; while the tracker is down, its next probe. */
  nextAt(): number;
  /** The plan and the tracker as a whole, for /healthz and /metrics. */
  status(nowMs: number): SchedulerStatus;
}

export function createAdmission(deps: AdmissionDeps): Admission {
  const { schedule, breaker, channels } = deps;

  function of(key: string, nowMs: number, channelId?: string): ReadAdmission {
    const own = schedule.nextReadAt(key) ?? { at: Number.NEGATIVE_INFINITY, reason: "base" };
    const next: { at: number; reason: AdmissionReason } = { ...own };
    const later = (at: number | undefined, reason: AdmissionReason) => {
      if (at !== undefined && at > next.at) Object.assign(next, { at, reason });
    };
    const channelAt = channelId === undefined ? undefined : channels.retryAt(channelKey(channelId));
    const { state, probeAt } = breaker.snapshot();
    later(channelAt, "channelRetry");
    later(probeAt, state === "open" ? "breakerOpen" : "probe");
    const faults = [own.reason === "backoff" ? own.at : 0, channelAt ?? 0, probeAt ?? 0];
    return {
      ...next,
      faultUntil: Math.max(...faults),
      held: !schedule.ready(key, nowMs) || breaker.holds(nowMs),
    };
  }

  return {
    of,
    tick: (nowMs) => breaker.admit(nowMs),
    nextAt() {
      const { state, probeAt } = breaker.snapshot();
      if (state !== "closed" && probeAt !== undefined) return probeAt;
      let next = Number.POSITIVE_INFINITY;
      for (const key of schedule.keys())
        next = Math.min(next, schedule.nextReadAt(key)?.at ?? next);
      return next;
    },
    // Its channels are the subscriptions' (/subscriptions asks with one): not counted here.
    status(nowMs) {
      const byReason: Partial<Record<AdmissionReason, number>> = {};
      let held = 0;
      for (const key of schedule.keys()) {
        const answer = of(key, nowMs);
        byReason[answer.reason] = (byReason[answer.reason] ?? 0) + 1;
        if (answer.faultUntil > nowMs) held++;
      }
      return {
        ...schedule.status(nowMs),
        byReason,
        held,
        tracker: trackerStatus(breaker.snapshot(), nowMs),
      };
    },
  };
}
