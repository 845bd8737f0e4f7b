/** The contract both feeds keep (src/feeds/feed.ts): the same rules, two kinds of item. */
import { describe, expect, it } from "vitest";
import type { Feed } from "../../src/feeds/feed.js";
import { type GamesAdvance, gamesFeed } from "../../src/feeds/games.js";
import { historiesFeed } from "../../src/feeds/histories.js";
import type { AdvancedState } from "../../src/feeds/historyDetect.js";
import type { Subscription } from "../../src/store/types.js";
import type { GameChange, HistoryItem } from "../../src/tracker/types.js";

const t0 = Date.parse("2026-02-10T10:00:00.000Z");
const iso = (ms: number) => new Date(t0 + ms).toISOString();

const subscription = (overrides: Partial<Subscription> = {}): Subscription => ({
  id: "s1",
  guildId: "g1",
  channelId: "c1",
  userId: "u1",
  session: 7,
  filters: {},
  createdAt: iso(0),
  status: "active",
  pausedReason: null,
  pausedAt: null,
  currentSession: 7,
  watermark: null,
  seenAtWatermark: [],
  lastPostAt: null,
  games: true,
  gamesWatermark: null,
  gamesSeenIds: [],
  ...overrides,
});

interface Case<Item extends { happened: Date }, Advance> {
  feed: Feed<Item, Advance>;
  /** The n-th distinct item, happened at t0 + ms. */
  item(n: number, ms: number): Item;
  /** The subscription with a posted state applied. */
  apply(sub: Subscription, next: Advance): Subscription;
  /** The subscription with its watermark at t0 + ms and nothing seen. */
  at(sub: Subscription, ms: number): Subscription;
}

const histories: Case<HistoryItem, AdvancedState> = {
  feed: historiesFeed,
  item: (n, ms) => ({
    session: 7,
    type: "ADD",
    unit: n,
    source: "DICE",
    dom: false,
    schedule: null,
    happened: new Date(t0 + ms),
  }),
  apply: (sub, next) => ({ ...sub, ...next }),
  at: (sub, ms) => ({ ...sub, watermark: iso(ms), seenAtWatermark: [] }),
};

const games: Case<GameChange, GamesAdvance> = {
  feed: gamesFeed,
  item: (n, ms) => ({
    id: n,
    game: "DICE",
    action: "UPDATE",
    happened: new Date(t0 + ms),
    domNick: null,
    changes: [{ label: "dice", from: "1", to: "2" }],
  }),
  apply: (sub, next) => ({ ...sub, ...next }),
  at: (sub, ms) => ({ ...sub, gamesWatermark: iso(ms), gamesSeenIds: [] }),
};

function contract<Item extends { happened: Date }, Advance>(c: Case<Item, Advance>) {
  const { feed } = c;
  describe(`the ${feed.name} feed`, () => {
    it("reads from the oldest watermark's late window, or without bound when one has none", () => {
      const a = c.at(subscription(), 90_500);
      const b = c.at(subscription({ id: "s2" }), 30_000);
      const from = feed.since(feed.readers([a, b], undefined));
      expect(from?.getTime()).toBe(t0 + 30_000 - feed.lateWindowSeconds * 1000);
      expect(feed.since([a, subscription({ id: "s3" })])).toBeUndefined();
    });

    it("posts each item once, in its order, and a late one inside the window", () => {
      // A read gives the feed's order: oldest first.
      const first = [c.item(1, 1000), c.item(2, 2000)];
      expect(feed.compare(c.item(2, 2000), c.item(1, 1000))).toBeGreaterThan(0);
      const found = feed.detect(subscription(), first);
      expect(found.deliver.map(feed.key)).toEqual(first.map((i) => feed.key(i)));
      expect(found.next).not.toBeNull();
      const after = c.apply(subscription(), found.next as Advance);
      // The same read again: nothing new, nothing to store.
      expect(feed.detect(after, first)).toMatchObject({ deliver: [], next: null });
      // An item committed late, one second before the newest one: still posted, once.
      const late = c.item(3, 1000);
      const again = feed.detect(after, [...first, late]);
      expect(again.deliver.map(feed.key)).toEqual([feed.key(late)]);
    });
  });
}

contract(histories);
contract(games);

describe("the two feeds", () => {
  it("never give two lines of one message the same identity", () => {
    expect(historiesFeed.key(histories.item(1, 0))).not.toBe(gamesFeed.key(games.item(1, 0)));
  });

  it("games are read only by games:true subscriptions while the session has some", () => {
    const on = subscription();
    const off = subscription({ id: "s2", games: false });
    expect(historiesFeed.readers([on, off], { hasGamesChanges: false })).toEqual([on, off]);
    expect(gamesFeed.readers([on, off], undefined)).toEqual([on]);
    expect(gamesFeed.readers([on, off], { hasGamesChanges: false })).toEqual([]);
  });
});
