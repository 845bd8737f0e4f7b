/**
 * The due stage: which subscriptions and active-session lookups this tick
 * takes up. Each subscription maps to schedule keys (its session read; for a
 * follower also its member's lookup); what is due comes from schedule.ts,
 * most overdue first, at most `limit` keys a tick so a backlog is worked off
 * in small steps (new subscriptions, retries and freed channels get a look
 * in between).
 */
import type { Subscription } from "../store/types.js";
import type { Schedule } from "./schedule.js";
import { activeLookupKey, type PlanInput, sourceKey } from "./sources.js";

export function keysOf(sub: Subscription): string[] {
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

export interface DueOptions {
  /** A whole lockstep pass (runCycle): everything counts as due. */
  force: boolean;
  limit: number;
}

export function pickDue(
  schedule: Schedule,
  subs: readonly Subscription[],
  extraLookups: readonly string[],
  nowMs: number,
  options: DueOptions,
): PlanInput {
  const followers = new Set(subs.filter((s) => s.session === null).map((s) => s.userId));
  const lookupUsers = new Set([...followers, ...extraLookups]);
  if (options.force) return { subs, lookups: lookupUsers };
  const due: Array<{ key: string; at: number }> = [];
  const consider = (key: string) => {
    if (schedule.isDue(key, nowMs)) due.push({ key, at: schedule.priority(key) });
  };
  const seen = new Set<string>();
  for (const sub of subs) {
    for (const key of keysOf(sub)) {
      if (!seen.has(key)) consider(key);
      seen.add(key);
    }
  }
  for (const userId of extraLookups) {
    const key = activeLookupKey(userId);
    if (!seen.has(key)) consider(key);
    seen.add(key);
  }
  due.sort((a, b) => a.at - b.at);
  const taken = new Set(due.slice(0, Math.max(1, options.limit)).map((d) => d.key));
  return {
    subs: subs.filter((sub) => keysOf(sub).some((key) => taken.has(key))),
    lookups: new Set([...lookupUsers].filter((userId) => taken.has(activeLookupKey(userId)))),
  };
}
