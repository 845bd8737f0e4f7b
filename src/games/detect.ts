/**
 * Pure "what is new" logic for the games feed, the history feed's is src/feeds/historyDetect.ts. Game-rule
 * changes carry an `id`, so identity is the id; `happened` has second precision and two
 * writers may commit out of order, so a subscription remembers the newest handled `happened`
 * (its games watermark) and the ids it handled within `gamesLateWindowSeconds` before it.
 * Every cycle reads from the start of that window again (the tracker's `from` is inclusive),
 * and a change is new iff it is later than the watermark's second, or inside the window and
 * not seen. The state lives in the subscription record, so this survives restarts.
 */

import { secondOf, watermarkMs } from "../util/watermark.js";
import type { Subscription } from "../store/types.js";
import type { GameChange, TrackerSession } from "../tracker/types.js";

export const gamesLateWindowSeconds = 60;

export interface GamesState {
  gamesWatermark: string | null;
  gamesSeenIds: readonly number[];
}

/** The state after handling something: there is always a watermark then. */
export interface GamesAdvance {
  gamesWatermark: string;
  gamesSeenIds: number[];
}

export interface GamesDetection {
  /** New changes, oldest first (`happened`, then `id`): these are posted. */
  deliver: GameChange[];
  /** The state once `deliver` was posted; null when nothing was new. */
  next: GamesAdvance | null;
}

/** Oldest first: by `happened`, then `id` (a post's order of changes). */
export const byHappenedThenId = (a: GameChange, b: GameChange): number =>
  a.happened.getTime() - b.happened.getTime() || a.id - b.id;

/** Tracker order (newest first, a change possibly repeated across pages) to unique, oldest first. */
export function normalizeGameChanges(newestFirst: readonly GameChange[]): GameChange[] {
  const byId = new Map<number, GameChange>();
  for (const change of newestFirst) if (!byId.has(change.id)) byId.set(change.id, change);
  return [...byId.values()].sort(byHappenedThenId);
}

/** Ids among `changes` whose second lies in the window of the watermark second `mark`. */
function idsInWindow(changes: readonly GameChange[], mark: number): number[] {
  const start = mark - gamesLateWindowSeconds;
  return changes.filter((c) => secondOf(c.happened.getTime()) >= start).map((c) => c.id);
}

/**
 * The new changes of `oldestFirst` (a normalized fetch reaching at least back to
 * `gamesFetchFrom` of this state) and the state to store once they were posted.
 */
export function detectNewGameChanges(
  state: GamesState,
  oldestFirst: readonly GameChange[],
): GamesDetection {
  const mark = watermarkMs(state.gamesWatermark);
  const markSecond = mark === undefined ? undefined : secondOf(mark);
  const seen = new Set(state.gamesSeenIds);
  const deliver: GameChange[] = [];
  const taken = new Set<number>();
  for (const change of oldestFirst) {
    if (taken.has(change.id)) continue;
    const second = secondOf(change.happened.getTime());
    const isNew =
      markSecond === undefined ||
      second > markSecond ||
      (second >= markSecond - gamesLateWindowSeconds && !seen.has(change.id));
    if (!isNew) continue;
    taken.add(change.id);
    deliver.push(change);
  }
  if (deliver.length === 0) return { deliver, next: null };
  let nextMs = mark ?? Number.NEGATIVE_INFINITY;
  for (const change of deliver) nextMs = Math.max(nextMs, change.happened.getTime());
  const nextSecond = secondOf(nextMs);
  // Seen ids the fetch did not include have a second at or before the old watermark's: they
  // stay while that second is still inside the new window, and only then.
  const fetched = new Set(oldestFirst.map((c) => c.id));
  const oldStillInWindow =
    markSecond !== undefined && markSecond >= nextSecond - gamesLateWindowSeconds;
  const unfetched = oldStillInWindow ? state.gamesSeenIds.filter((id) => !fetched.has(id)) : [];
  const keep = [...oldestFirst.filter((c) => seen.has(c.id)), ...deliver];
  return {
    deliver,
    next: {
      gamesWatermark: new Date(nextMs).toISOString(),
      gamesSeenIds: [...new Set([...unfetched, ...idsInWindow(keep, nextSecond)])],
    },
  };
}

/**
 * The `from` of one games request for several subscriptions of a session: the start of the
 * oldest watermark's window; undefined (no bound) when one of them has handled nothing yet.
 */
export function gamesFetchFrom(watermarks: readonly (string | null)[]): Date | undefined {
  let min = Number.POSITIVE_INFINITY;
  for (const watermark of watermarks) {
    const ms = watermarkMs(watermark);
    if (ms === undefined) return undefined;
    min = Math.min(min, ms);
  }
  if (!Number.isFinite(min)) return undefined;
  return new Date((secondOf(min) - gamesLateWindowSeconds) * 1000);
}

/**
 * The state of a new `games:true` subscription: everything that exists now counts as handled,
 * so only later changes are posted. `newestFirst` is the feed's first page (tracker order).
 */
export function gamesStartingState(newestFirst: readonly GameChange[]): GamesState {
  const changes = normalizeGameChanges(newestFirst);
  const newest = changes.at(-1);
  if (newest === undefined) return { gamesWatermark: null, gamesSeenIds: [] };
  return {
    gamesWatermark: newest.happened.toISOString(),
    gamesSeenIds: idsInWindow(changes, secondOf(newest.happened.getTime())),
  };
}

/**
 * Poll rule: only subscriptions that asked for game-rule changes, and only while the session
 * reports some (`has_games_changes`; an unknown session counts as "maybe").
 */
export function wantsGamesPoll(
  subscription: Pick<Subscription, "games" | "status">,
  session: Pick<TrackerSession, "hasGamesChanges"> | undefined,
): boolean {
  return (
    subscription.games === true &&
    subscription.status === "active" &&
    (session?.hasGamesChanges ?? true)
  );
}

/** The subscription with a delivered games advance applied (what the outbox writes). */
export function withGamesAdvance(subscription: Subscription, next: GamesAdvance): Subscription {
  return { ...subscription, gamesWatermark: next.gamesWatermark, gamesSeenIds: next.gamesSeenIds };
}

/** A subscription's games state (records older than games posts have none: nothing handled). */
export function gamesStateOf(subscription: Subscription): GamesState {
  return {
    gamesWatermark: subscription.gamesWatermark ?? null,
    gamesSeenIds: subscription.gamesSeenIds ?? [],
  };
}

/**
 * Never moves the games watermark backwards: a stale advance (one that lost a race with a
 * newer one) is ignored, and two for the same second merge their ids.
 */
export function mergeGamesState(current: GamesState, advance: GamesAdvance): GamesState {
  const currentMs = watermarkMs(current.gamesWatermark);
  const advanceMs = watermarkMs(advance.gamesWatermark);
  if (advanceMs === undefined) return current;
  if (currentMs === undefined || secondOf(advanceMs) > secondOf(currentMs)) return advance;
  if (secondOf(advanceMs) < secondOf(currentMs)) return current;
  return {
    gamesWatermark: advanceMs > currentMs ? advance.gamesWatermark : current.gamesWatermark,
    gamesSeenIds: [...new Set([...current.gamesSeenIds, ...advance.gamesSeenIds])],
  };
}
