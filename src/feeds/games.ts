/**
 * The games feed: a session's game-rule changes (identity: the change's id), read only for
 * `games:true` subscriptions and while the session reports some; its state is the
 * subscription's `gamesWatermark` and `gamesSeenIds`.
 */
import { formatGameChangeLine } from "../format/gameChanges.js";
import { translator } from "../i18n/index.js";
import type { GameChange } from "../tracker/types.js";
import type { Feed, FeedStorage } from "./feed.js";
import {
  byHappenedThenId,
  gamesLateWindowSeconds,
  gamesStateOf,
  gamesWindow,
  normalizeGameChanges,
  wantsGamesPoll,
} from "./gamesDetect.js";
import { fetchGameChanges } from "./gamesFetch.js";

/** The identity of a change among a message's items (for nonces): never equal to a history key. */
export function gameChangeKey(change: Pick<GameChange, "id">): string {
  return `game:${change.id}`;
}

const storage: FeedStorage<number> = {
  read: (sub) => {
    const state = gamesStateOf(sub);
    return { watermark: state.gamesWatermark, seen: state.gamesSeenIds };
  },
  write: (sub, state) => ({
    ...sub,
    gamesWatermark: state.watermark,
    gamesSeenIds: [...state.seen],
  }),
  readAdvance: (advance) =>
    advance.gamesWatermark === undefined
      ? undefined
      : { watermark: advance.gamesWatermark, seen: advance.gamesSeenIds ?? [] },
  writeAdvance: (advance, next) => ({
    ...advance,
    gamesWatermark: next.watermark,
    gamesSeenIds: [...next.seen],
  }),
};

export const gamesFeed: Feed<GameChange, number> = {
  name: "games",
  lateWindowSeconds: gamesLateWindowSeconds,
  storage,
  wants: (sub) => sub.games === true,
  readers: (subs, hints) => subs.filter((sub) => wantsGamesPoll(sub, hints)),
  since: (subs) => gamesWindow.since(subs.map((sub) => storage.read(sub).watermark)),
  read: (tracker, r) => fetchGameChanges(tracker, r.token, r.session, r.from, r.onRequest),
  // The newest page: everything that exists now counts as handled.
  seed: async (tracker, token, session) => {
    const page = await tracker.gamesChanges(token, { session, limit: 200, includeDiff: false });
    return gamesWindow.seed(normalizeGameChanges(page.items));
  },
  key: gameChangeKey,
  compare: byHappenedThenId,
  detect: (sub, items) => {
    const { handled, next } = gamesWindow.detect(storage.read(sub), items);
    return { deliver: handled, next };
  },
  merge: (current, advance) => gamesWindow.merge(current, advance),
  line: (change, locale) => formatGameChangeLine(change, translator(locale)),
};
