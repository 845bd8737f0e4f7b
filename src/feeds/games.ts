/**
 * The games feed: a session's game-rule changes (identity: the change's id), read only for
 * `games:true` subscriptions and while the session reports some. Its rules are src/games.
 */
import {
  byHappenedThenId,
  detectNewGameChanges,
  type GamesAdvance,
  gamesFetchFrom,
  gamesLateWindowSeconds,
  gamesStateOf,
  wantsGamesPoll,
} from "../games/detect.js";
import { fetchGameChanges } from "../games/fetch.js";
import { gameChangeKey } from "../games/parts.js";
import type { GameChange } from "../tracker/types.js";
import type { Feed } from "./feed.js";

export type { GamesAdvance } from "../games/detect.js";
export { gamesStateOf, mergeGamesState } from "../games/detect.js";
export { addGamesToGroups, type GamesPart } from "../games/parts.js";

export const gamesFeed: Feed<GameChange, GamesAdvance> = {
  name: "games",
  lateWindowSeconds: gamesLateWindowSeconds,
  readers: (subs, hints) => subs.filter((sub) => wantsGamesPoll(sub, hints)),
  since: (subs) => gamesFetchFrom(subs.map((sub) => gamesStateOf(sub).gamesWatermark)),
  read: (tracker, r) => fetchGameChanges(tracker, r.token, r.session, r.from, r.onRequest),
  key: gameChangeKey,
  compare: byHappenedThenId,
  detect: (sub, items) => detectNewGameChanges(gamesStateOf(sub), items),
};
