/**
 * Channel parts (src/feeds/group.ts) in the shape these tests think in: a subscription's new
 * history items and history state, and with `games` its new game-rule changes and games state.
 */
import { gamesFeed } from "../../src/feeds/games.js";
import type { GamesAdvance } from "../../src/feeds/gamesDetect.js";
import type { ChannelPart } from "../../src/feeds/group.js";
import { historiesFeed } from "../../src/feeds/histories.js";
import type { AdvancedState } from "../../src/feeds/historyDetect.js";
import type { GameChange, HistoryItem } from "../../src/tracker/types.js";

export interface TestPart {
  subscriptionId: string;
  userId: string;
  nick: string;
  session: number;
  items: readonly HistoryItem[];
  /** Null when no history item was new. */
  next: AdvancedState | null;
  games?: { changes: readonly GameChange[]; next: GamesAdvance } | undefined;
}

export function channelPart({ items, next, games, ...who }: TestPart): ChannelPart {
  const history = next && { watermark: next.watermark, seen: next.seenAtWatermark };
  return {
    ...who,
    feeds: [
      { feed: historiesFeed, items, next: history },
      ...(games === undefined
        ? []
        : [
            {
              feed: gamesFeed,
              items: games.changes,
              next: { watermark: games.next.gamesWatermark, seen: games.next.gamesSeenIds },
            },
          ]),
    ],
  };
}
