/**
 * The games feed's "what is new": game-rule changes carry an `id`, so identity is the id, and
 * the late-window rule of window.ts decides what is new (the history feed's twin is
 * historyDetect.ts). The state lives in the subscription record (`gamesWatermark`,
 * `gamesSeenIds`), so this survives restarts. These are the games-shaped names the feed and
 * the tests use; the rule itself lives only in window.ts.
 */
import type { Subscription } from "../store/types.js";
import type { GameChange, TrackerSession } from "../tracker/types.js";
import { createWindow, type WindowState } from "./window.js";

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

export const gamesWindow = createWindow<GameChange, number>(
  { key: (change) => change.id },
  gamesLateWindowSeconds,
);

/** Oldest first: by `happened`, then `id` (a post's order of changes). */
export const byHappenedThenId = (a: GameChange, b: GameChange): number =>
  a.happened.getTime() - b.happened.getTime() || a.id - b.id;

/** Tracker order (newest first, a change possibly repeated across pages) to unique, oldest first. */
export function normalizeGameChanges(newestFirst: readonly GameChange[]): GameChange[] {
  const byId = new Map<number, GameChange>();
  for (const change of newestFirst) if (!byId.has(change.id)) byId.set(change.id, change);
  return [...byId.values()].sort(byHappenedThenId);
}

const toWindow = (state: GamesState): WindowState<number> => ({
  watermark: state.gamesWatermark,
  seen: state.gamesSeenIds,
});
const fromWindow = (state: WindowState<number>): GamesState => ({
  gamesWatermark: state.watermark,
  gamesSeenIds: state.seen,
});

/**
 * The new changes of `oldestFirst` (a normalized fetch reaching at least back to
 * `gamesFetchFrom` of this state) and the state to store once they were posted.
 */
export function detectNewGameChanges(
  state: GamesState,
  oldestFirst: readonly GameChange[],
): GamesDetection {
  const { handled, next } = gamesWindow.detect(toWindow(state), oldestFirst);
  return {
    deliver: handled,
    next: next && { gamesWatermark: next.watermark, gamesSeenIds: next.seen },
  };
}

/**
 * The `from` of one games request for several subscriptions of a session: the start of the
 * oldest watermark's window; undefined (no bound) when one of them has handled nothing yet.
 */
export function gamesFetchFrom(watermarks: readonly (string | null)[]): Date | undefined {
  return gamesWindow.since(watermarks);
}

/**
 * The state of a new `games:true` subscription: everything that exists now counts as handled,
 * so only later changes are posted. `newestFirst` is the feed's first page (tracker order).
 */
export function gamesStartingState(newestFirst: readonly GameChange[]): GamesState {
  return fromWindow(gamesWindow.seed(normalizeGameChanges(newestFirst)));
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
export function gamesStateOf(subscription: Partial<Subscription>): GamesState {
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
  const window = toWindow(current);
  const merged = gamesWindow.merge(window, {
    watermark: advance.gamesWatermark,
    seen: advance.gamesSeenIds,
  });
  return merged === window ? current : fromWindow(merged);
}
