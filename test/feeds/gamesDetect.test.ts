import { describe, expect, it } from "vitest";
import {
  detectNewGameChanges,
  type GamesState,
  gamesFetchFrom,
  gamesLateWindowSeconds,
  gamesStartingState,
  gamesStateOf,
  normalizeGameChanges,
  wantsGamesPoll,
  withGamesAdvance,
} from "../../src/feeds/gamesDetect.js";
import type { GameChange } from "../../src/tracker/types.js";
import { makeSubscription } from "../store/helpers.js";

const base = Date.UTC(2026, 1, 3, 12, 0, 0);
const change = (
  id: number,
  seconds: number,
  action: GameChange["action"] = "UPDATE",
): GameChange => ({
  id,
  game: "DICE",
  action,
  happened: new Date(base + seconds * 1000),
  domNick: null,
  changes: [],
});
const ids = (changes: readonly GameChange[]) => changes.map((c) => c.id);

/** One poll cycle: what the feed shows from the state's fetch bound on, newest first as sent. */
function cycle(state: GamesState, feed: readonly GameChange[]) {
  const from = gamesFetchFrom([state.gamesWatermark]);
  const visible = feed
    .filter((c) => from === undefined || c.happened >= from)
    .sort((a, b) => b.happened.getTime() - a.happened.getTime() || b.id - a.id);
  const found = detectNewGameChanges(state, normalizeGameChanges(visible));
  // The stored state goes through JSON: what a restart reads back.
  const next: GamesState = found.next ? JSON.parse(JSON.stringify(found.next)) : state;
  return { delivered: ids(found.deliver), state: next };
}

describe("games detection", () => {
  it("delivers every change exactly once, oldest first, across cycles and restarts", () => {
    const feed = [change(1, 0, "INSERT"), change(2, 5), change(3, 5, "DELETE")];
    let state: GamesState = { gamesWatermark: null, gamesSeenIds: [] };
    const first = cycle(state, feed);
    expect(first.delivered).toEqual([1, 2, 3]);
    state = first.state;
    expect(cycle(state, feed).delivered).toEqual([]);
    feed.push(change(4, 20));
    const second = cycle(state, feed);
    expect(second.delivered).toEqual([4]);
    expect(cycle(second.state, feed).delivered).toEqual([]);
  });

  it("delivers a change committed late with an older `happened` inside the window, once", () => {
    const feed = [change(10, 100)];
    let { state } = cycle({ gamesWatermark: null, gamesSeenIds: [] }, feed);
    feed.push(change(9, 100 - gamesLateWindowSeconds + 1));
    const late = cycle(state, feed);
    expect(late.delivered).toEqual([9]);
    state = late.state;
    expect(cycle(state, feed).delivered).toEqual([]);
    expect(state.gamesWatermark).toBe(new Date(base + 100_000).toISOString());
  });

  it("keeps only the seen ids still inside the window as the watermark moves", () => {
    const feed = [change(1, 0), change(2, 10)];
    let { state } = cycle({ gamesWatermark: null, gamesSeenIds: [] }, feed);
    expect([...state.gamesSeenIds].sort()).toEqual([1, 2]);
    feed.push(change(3, 10 + gamesLateWindowSeconds + 5));
    ({ state } = cycle(state, feed));
    expect(state.gamesSeenIds).toEqual([3]);
  });

  it("keeps seen ids a short fetch left out while their second may still be in the window", () => {
    const state = { gamesWatermark: new Date(base).toISOString(), gamesSeenIds: [7] };
    const found = detectNewGameChanges(state, [change(8, 5)]);
    expect(found.next?.gamesSeenIds.sort()).toEqual([7, 8]);
  });

  it("normalizes tracker order with repeats to unique changes, oldest first by happened then id", () => {
    const page = [change(5, 9), change(4, 9), change(4, 9), change(2, 1)];
    expect(ids(normalizeGameChanges(page))).toEqual([2, 4, 5]);
  });

  it("starts a subscription after everything that exists, reading the window again", () => {
    const start = gamesStartingState([change(3, 100), change(2, 99), change(1, 0)]);
    expect(start).toEqual({
      gamesWatermark: new Date(base + 100_000).toISOString(),
      gamesSeenIds: [2, 3],
    });
    expect(gamesStartingState([])).toEqual({ gamesWatermark: null, gamesSeenIds: [] });
    expect(cycle(start, [change(1, 0), change(2, 99), change(3, 100)]).delivered).toEqual([]);
    expect(gamesFetchFrom([start.gamesWatermark, null])).toBeUndefined();
    expect(gamesFetchFrom([start.gamesWatermark])).toEqual(
      new Date(base + (100 - gamesLateWindowSeconds) * 1000),
    );
  });

  it("polls only subscriptions with games, active, while the session reports game changes", () => {
    const sub = makeSubscription({ games: true });
    expect(wantsGamesPoll(sub, { hasGamesChanges: true })).toBe(true);
    expect(wantsGamesPoll(sub, undefined)).toBe(true);
    expect(wantsGamesPoll(sub, { hasGamesChanges: false })).toBe(false);
    expect(wantsGamesPoll({ ...sub, games: false }, { hasGamesChanges: true })).toBe(false);
    expect(wantsGamesPoll({ ...sub, status: "paused" }, { hasGamesChanges: true })).toBe(false);
  });

  it("reads and writes the state of a subscription record", () => {
    const { gamesWatermark, gamesSeenIds, ...old } = makeSubscription();
    expect(gamesStateOf(old)).toEqual({ gamesWatermark: null, gamesSeenIds: [] });
    const next = withGamesAdvance(old, {
      gamesWatermark: "2026-02-03T12:00:00.000Z",
      gamesSeenIds: [4],
    });
    expect(gamesStateOf(next)).toEqual({
      gamesWatermark: "2026-02-03T12:00:00.000Z",
      gamesSeenIds: [4],
    });
  });
});
