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

/** Every key that exists now, with its subscriptions' last post: the schedule plans the budget over these. */
export function censusKeys(
  subs: readonly Subscription[],
  extraLookups: readonly string[],
  /** Places a wall-clock date on the schedule's monotonic clock. */
  toMono: (wallMs: number) => number = (wallMs) => wallMs,
): Map<string, number | undefined> {
  const keys = new Map<string, number | undefined>();
  for (const sub of subs) {
    const parsed = sub.lastPostAt === null ? Number.NaN : Date.parse(sub.lastPostAt);
    const posted = Number.isFinite(parsed) ? toMono(parsed) : undefined;
    for (const key of keysOf(sub)) {
      const known = keys.get(key);
      keys.set(key, known === undefined || (posted ?? 0) > known ? posted : known);
    }
  }
  for (const userId of extraLookups) {
    const key = activeLookupKey(userId);
    if (!keys.has(key)) keys.set(key, undefined);
  }
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
