/**
 * The contract every feed keeps (src/feeds/feed.ts), run against both feeds: seed, since,
 * detect and merge, the state's round trip through the stored fields it maps to, and a seed
 * and a read against the loopback fake tracker with the real client.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Feed } from "../../src/feeds/feed.js";
import { gamesFeed } from "../../src/feeds/games.js";
import { historiesFeed } from "../../src/feeds/histories.js";
import { registeredFeeds } from "../../src/feeds/registry.js";
import type { Subscription } from "../../src/store/types.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import type { GameChange, HistoryItem, TrackerClient } from "../../src/tracker/types.js";
import { type FakeTracker, startFakeTracker } from "../fakes/tracker.js";

const t0 = Date.parse("2026-02-10T10:00:00.000Z");
const iso = (ms: number) => new Date(t0 + ms).toISOString();
const token = "tok_feed_contract_00112233445566778899";

let fake: FakeTracker;
let client: TrackerClient;
beforeAll(async () => {
  fake = await startFakeTracker();
  client = createTrackerClient({ baseUrl: fake.url });
  fake.addToken(token, { nick: "lucy" });
});
afterAll(async () => {
  await client.close();
  await fake.close();
});

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

interface Case<Item extends { happened: Date }, Id> {
  feed: Feed<Item, Id>;
  /** The n-th distinct item, happened at t0 + ms. */
  item(n: number, ms: number): Item;
  /** Puts the n-th item, happened at t0 + ms, into a session of the fake tracker. */
  add(session: number, n: number, ms: number): void;
  /** The stored fields the feed's state maps to. */
  fields: readonly (keyof Subscription)[];
}

const histories: Case<HistoryItem, string> = {
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
  add: (session, n, ms) => fake.addHistory(session, [{ unit: n, happened: new Date(t0 + ms) }]),
  fields: ["watermark", "seenAtWatermark"],
};

const games: Case<GameChange, number> = {
  feed: gamesFeed,
  item: (n, ms) => ({
    id: n,
    game: "DICE",
    action: "UPDATE",
    happened: new Date(t0 + ms),
    domNick: null,
    changes: [{ label: "dice", from: "1", to: "2" }],
  }),
  add: (session, n, ms) => fake.addGameChanges(session, [{ id: n, happened: new Date(t0 + ms) }]),
  fields: ["gamesWatermark", "gamesSeenIds"],
};

function contract<Item extends { happened: Date }, Id>(c: Case<Item, Id>) {
  const { feed } = c;
  const at = (sub: Subscription, ms: number) =>
    feed.storage.write(sub, { watermark: iso(ms), seen: [] });
  const keys = (items: readonly Item[]) => items.map((i) => feed.key(i));

  describe(`the ${feed.name} feed`, () => {
    it("reads from the oldest watermark's late window, or without bound when one has none", () => {
      const a = at(subscription(), 90_500);
      const b = at(subscription({ id: "s2" }), 30_000);
      const from = feed.since(feed.readers([a, b], undefined));
      expect(from?.getTime()).toBe(t0 + 30_000 - feed.lateWindowSeconds * 1000);
      expect(feed.since([a, subscription({ id: "s3" })])).toBeUndefined();
    });

    it("posts each item once, in its order, and a late one inside the window", () => {
      // A read gives the feed's order: oldest first.
      const first = [c.item(1, 1000), c.item(2, 2000)];
      expect(feed.compare(c.item(2, 2000), c.item(1, 1000))).toBeGreaterThan(0);
      const found = feed.detect(subscription(), first);
      expect(keys(found.deliver)).toEqual(keys(first));
      expect(found.next).not.toBeNull();
      const after = feed.storage.write(subscription(), found.next!);
      // The same read again: nothing new, nothing to store.
      expect(feed.detect(after, first)).toMatchObject({ deliver: [], next: null });
      // An item committed late, one second before the newest one: still posted, once.
      const late = c.item(3, 1000);
      const again = feed.detect(after, [...first, late]);
      expect(keys(again.deliver)).toEqual([feed.key(late)]);
      const done = feed.storage.write(after, again.next!);
      expect(feed.detect(done, [...first, late]).deliver).toEqual([]);
    });

    it("keeps its state in its own stored fields, in a record and in an outbox advance", () => {
      const found = feed.detect(subscription(), [c.item(1, 1000)]);
      const next = found.next!;
      const stored = feed.storage.write(subscription(), next);
      for (const field of c.fields) expect(stored[field]).not.toEqual(subscription()[field]);
      // Every other feed's state is left as it was.
      for (const other of registeredFeeds.filter((f) => f.name !== feed.name)) {
        expect(other.storage.read(stored)).toEqual(other.storage.read(subscription()));
      }
      expect(feed.storage.read(JSON.parse(JSON.stringify(stored)))).toEqual(next);
      const advance = feed.storage.writeAdvance({ subscriptionId: "s1", session: 7 }, next);
      expect(feed.storage.readAdvance(JSON.parse(JSON.stringify(advance)))).toEqual(next);
      expect(feed.storage.readAdvance({ subscriptionId: "s1", session: 7 })).toBeUndefined();
    });

    it("merges: a watermark never moves back, ids of the same second merge", () => {
      const one = feed.detect(subscription(), [c.item(1, 5200)]).next!;
      const same = feed.detect(subscription(), [c.item(2, 5100)]).next!;
      const older = feed.detect(subscription(), [c.item(3, 4000)]).next!;
      const later = feed.detect(subscription(), [c.item(4, 6000)]).next!;
      expect(feed.merge(one, older)).toEqual(one);
      expect(feed.merge(one, later)).toEqual(later);
      expect(feed.merge({ watermark: null, seen: [] }, later)).toEqual(later);
      const merged = feed.merge(one, same);
      expect(merged.watermark).toBe(iso(5200));
      expect([...merged.seen].sort()).toEqual([...one.seen, ...same.seen].sort());
      // Both items count as seen: neither is posted again.
      const sub = feed.storage.write(subscription(), merged);
      expect(feed.detect(sub, [c.item(2, 5100), c.item(1, 5200)]).deliver).toEqual([]);
    });

    it("seeds a new subscription after everything the session has, read with the real client", async () => {
      const session = fake.addSession(token, { active: true });
      c.add(session, 1, 1000);
      c.add(session, 2, 2000);
      const seeded = feed.storage.write(subscription({ currentSession: session }), {
        ...(await feed.seed(client, token, session)),
      });
      const read = () =>
        feed.read(client, { token, session, from: feed.since(feed.readers([seeded], undefined)) });
      expect(feed.detect(seeded, await read())).toMatchObject({ deliver: [], next: null });
      // A late item inside the window and a new one: both posted, nothing before them.
      c.add(session, 3, 1000);
      c.add(session, 4, 9000);
      const found = feed.detect(seeded, await read());
      expect(found.deliver.map((i) => i.happened.getTime() - t0)).toEqual([1000, 9000]);
    });
  });
}

contract(histories);
contract(games);

describe("the registered feeds", () => {
  it("are both feeds, with distinct names, and never give two lines the same identity", () => {
    expect(registeredFeeds.map((f) => f.name)).toEqual(["histories", "games"]);
    expect(historiesFeed.key(histories.item(1, 0))).not.toBe(gamesFeed.key(games.item(1, 0)));
  });

  it("games are read only by games:true subscriptions while the session has some", () => {
    const on = subscription();
    const off = subscription({ id: "s2", games: false });
    expect(historiesFeed.readers([on, off], { hasGamesChanges: false })).toEqual([on, off]);
    expect(gamesFeed.readers([on, off], undefined)).toEqual([on]);
    expect(gamesFeed.readers([on, off], { hasGamesChanges: false })).toEqual([]);
    expect(gamesFeed.wants(off)).toBe(false);
    expect(historiesFeed.wants(off)).toBe(true);
  });
});
