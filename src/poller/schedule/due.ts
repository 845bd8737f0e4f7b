/**
 * The due stage: which subscriptions and active-session lookups this tick
 * takes up. Each subscription maps to schedule keys (its session read; for a
 * follower also its member's lookup); which of them this tick reads is the
 * schedule's pick (schedule.ts): due, not held back by busy channels, most
 * overdue first, at most its per-tick cap.
 */
import type { Subscription } from "../../store/types.js";
import { cachedKeys } from "./planCache.js";
import type { Candidate, Schedule } from "./schedule.js";
import { activeLookupKey, type PlanInput, sourceKey } from "../loop/sources.js";

/** A subscription's schedule keys (remembered between ticks: planCache.ts). */
export function keysOf(sub: Subscription): readonly string[] {
  return cachedKeys(sub, computeKeys);
}

function computeKeys(sub: Subscription): string[] {
  if (sub.session !== null) return [sourceKey(sub.userId, sub.session)];
  const keys = [activeLookupKey(sub.userId)];
  if (sub.currentSession !== null) keys.push(sourceKey(sub.userId, sub.currentSession));
  return keys;
}

/** Every key that exists now: the schedule plans the budget over these. */
export function censusKeys(
  subs: readonly Subscription[],
  extraLookups: readonly string[],
): Set<string> {
  const keys = new Set<string>();
  for (const sub of subs) for (const key of keysOf(sub)) keys.add(key);
  for (const userId of extraLookups) keys.add(activeLookupKey(userId));
  return keys;
}

export interface DueInput {
  /** Active subscriptions. */
  subs: readonly Subscription[];
  /** Channels with posts pending or in flight: they take nothing new this tick. */
  busy: ReadonlySet<string>;
  extraLookups: readonly string[];
}

export interface DueOptions {
  /** A whole lockstep pass (runCycle): everything counts as due. */
  force: boolean;
  /** Overrides the schedule's per-tick cap (a probe of the tracker reads one source). */
  limit?: number;
  /** The tracker's probe: the most overdue sources whether due or not. */
  probe?: boolean;
}

export function pickDue(
  schedule: Schedule,
  input: DueInput,
  nowMs: number,
  options: DueOptions,
): PlanInput {
  const subs = input.subs.filter((sub) => !input.busy.has(sub.channelId));
  const followers = new Set(subs.filter((s) => s.session === null).map((s) => s.userId));
  const lookupUsers = new Set([...followers, ...input.extraLookups]);
  if (options.force) return { subs, lookups: lookupUsers };
  // One object per key, no array per subscription: this runs over every subscription each tick.
  const candidates: Candidate[] = [];
  for (const sub of input.subs) {
    const busy = input.busy.has(sub.channelId);
    for (const key of keysOf(sub)) candidates.push({ key, busy });
  }
  for (const userId of input.extraLookups) {
    candidates.push({ key: activeLookupKey(userId), busy: false });
  }
  const taken = schedule.pick(candidates, nowMs, options.limit, options.probe);
  return {
    subs: subs.filter((sub) => keysOf(sub).some((key) => taken.has(key))),
    lookups: new Set([...lookupUsers].filter((userId) => taken.has(activeLookupKey(userId)))),
  };
}
