/**
 * What the tick's planning keeps between ticks instead of rebuilding it for every subscription
 * every tick (issue 27: at 1,000-10,000 subscriptions the per-tick planning, not the requests,
 * was most of the CPU). Each piece gives exactly what the full computation would: a cached
 * answer is checked against the inputs it came from and recomputed when they changed.
 * - A subscription's schedule keys (due.ts's keysOf): kept per subscription object, the tick
 *   plans over the store's own shared objects, and checked against the three fields the keys
 *   come from (an in-place change is seen, a replaced object is a new entry).
 * (The plan while every source fits at the base interval is allocate.ts's `fitsAtBase`:
 * scheduleRecord.replan asks it before estimating any change rate.)
 */
import type { Subscription } from "../../store/types.js";

interface KeyEntry {
  userId: string;
  session: number | null;
  currentSession: number | null;
  keys: readonly string[];
}

/** Weakly held: a subscription the store dropped takes its entry with it. */
const keysBySub = new WeakMap<Subscription, KeyEntry>();

/** `compute(sub)`, remembered for this object while its user and sessions stay the same. */
export function cachedKeys(
  sub: Subscription,
  compute: (sub: Subscription) => string[],
): readonly string[] {
  const hit = keysBySub.get(sub);
  if (
    hit !== undefined &&
    hit.userId === sub.userId &&
    hit.session === sub.session &&
    hit.currentSession === sub.currentSession
  )
    return hit.keys;
  const keys = compute(sub);
  keysBySub.set(sub, {
    userId: sub.userId,
    session: sub.session,
    currentSession: sub.currentSession,
    keys,
  });
  return keys;
}
