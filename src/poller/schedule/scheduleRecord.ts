/**
 * One source's schedule record and what is read off it (schedule.ts keeps one per source):
 * when it is due and read, its place among the due, the plan that sets every interval, and
 * the due stage's pick.
 */
import type { TaggedStreak } from "../../util/backoff.js";
import { allocate, basePlan, fitsAtBase } from "./allocate.js";
import { type RateState, rateOf } from "./rate.js";
import type {
  Candidate,
  DueReason,
  HeldReason,
  LookupResult,
  ReadReason,
} from "./scheduleTypes.js";

export interface Timing {
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
export const dueAt = (t: Timing) => Math.min(planned(t), t.finalSince ?? Number.POSITIVE_INFINITY);
/** When it is read next: its due time, or later while a fault streak holds it back. */
export const readAt = (t: Timing) => Math.max(dueAt(t), t.streak?.retryAt ?? 0);
export const isDue = (t: Timing, nowMs: number) => nowMs >= readAt(t);
export const priority = (t: Timing) =>
  t.lastPolledAt === undefined && t.finalSince === undefined
    ? t.firstSeenAt + t.intervalMs
    : dueAt(t) + t.intervalMs / 10;

export function newTiming(nowMs: number, intervalMs: number, rate: RateState | undefined): Timing {
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

export interface PlanOptions {
  base: number;
  endedIntervalMs: number;
  budgetPerMinute: number;
  headroom: number;
  maxStretch: number;
}

/**
 * Sets every record's interval and reason; returns the longest interval of a running source
 * and the upper bound in force (allocate.ts).
 */
export function replan(
  timings: Iterable<Timing>,
  o: PlanOptions,
  wallMs: number,
): { longest: number; upperMs: number } {
  let budgetPerMs = (o.budgetPerMinute * o.headroom) / 60_000;
  const running: Timing[] = [];
  for (const t of timings) {
    if (t.ended) {
      t.intervalMs = o.endedIntervalMs;
      t.reason = "ended";
      budgetPerMs -= t.cost / o.endedIntervalMs;
    } else {
      running.push(t);
      // A session whose state is checked (not known running from a lookup): one request an hour.
      if (t.checkedAt !== undefined) budgetPerMs -= 1 / o.endedIntervalMs;
    }
  }
  const readsPerMs = Math.max(budgetPerMs, 1e-12);
  // Everyone at the base interval fits: allocate's answer, without estimating any rate.
  const plan = fitsAtBase(running, o.base, readsPerMs)
    ? basePlan(running.length, o.base)
    : allocate(
        running.map((t) => ({ rate: rateOf(t.rate, wallMs), cost: t.cost })),
        {
          baseMs: o.base,
          maxStretch: o.maxStretch,
          budgetPerMs: readsPerMs,
          fullBudgetPerMs: o.budgetPerMinute / 60_000,
        },
      );
  let longest = o.base;
  running.forEach((t, i) => {
    t.intervalMs = Math.round(plan.intervals[i] as number);
    t.reason =
      t.intervalMs <= o.base ? "base" : plan.mode === "overloaded" ? "overloaded" : "quiet";
    longest = Math.max(longest, t.intervalMs);
  });
  return { longest, upperMs: plan.upperMs };
}

/** Why the source is read when it is (see Schedule.nextReadAt). */
export function readReason(t: Timing, endedIntervalMs: number): { at: number; reason: ReadReason } {
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
export function takeDue(
  timings: ReadonlyMap<string, Timing>,
  candidates: Iterable<Candidate>,
  nowMs: number,
  limit: number,
  anyTime = false,
): Set<string> {
  const busy = new Map<string, boolean>();
  for (const c of candidates) busy.set(c.key, (busy.get(c.key) ?? true) && c.busy);
  const due: Array<{ key: string; t: Timing | undefined }> = [];
  for (const [key, allBusy] of busy) {
    const t = timings.get(key);
    if (t !== undefined && !anyTime && !isDue(t, nowMs)) continue;
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
