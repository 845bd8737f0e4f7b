/** The poller's games glue: outbox entries with game-rule changes, their advances, the poll rule. */
import { describe, expect, it } from "vitest";
import { mergeGamesState } from "../../src/feeds/gamesDetect.js";
import { applyAdvance, createOutboxEntry } from "../../src/poller/outbox/outbox.js";
import { gamesFeed } from "../../src/feeds/games.js";
import type { Subscription } from "../../src/store/types.js";
import type { GameChange, HistoryItem } from "../../src/tracker/types.js";
import { createMemoryStore } from "./memoryStore.js";
import { channelPart, type TestPart } from "./parts.js";

const t0 = Date.parse("2026-02-10T10:00:00.000Z");
const iso = (ms: number) => new Date(t0 + ms).toISOString();
const item = (ms: number): HistoryItem => ({
  session: 7,
  type: "ADD",
  unit: 60,
  source: "DICE",
  dom: false,
  schedule: null,
  happened: new Date(t0 + ms),
});
const change = (id: number, ms: number, action: GameChange["action"] = "UPDATE"): GameChange => ({
  id,
  game: "DICE",
  action,
  happened: new Date(t0 + ms),
  domNick: null,
  changes: [{ label: "dice", from: String(id), to: String(id + 1) }],
});
const part = (overrides: Partial<TestPart>) =>
  channelPart({
    subscriptionId: "s1",
    userId: "u1",
    nick: "Nick",
    session: 7,
    items: [],
    next: null,
    ...overrides,
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
  watermark: iso(-5000),
  seenAtWatermark: ["k"],
  lastPostAt: null,
  games: true,
  gamesWatermark: iso(-5000),
  gamesSeenIds: [1],
  ...overrides,
});
const lines = (entry: ReturnType<typeof createOutboxEntry>["entry"]) =>
  entry.messages.flatMap((m) =>
    (m.body.embeds as Array<{ description?: string }>).flatMap((e) =>
      (e.description ?? "").split("\n").filter((l) => l.includes("<t:")),
    ),
  );

describe("createOutboxEntry with game-rule changes", () => {
  it("posts a part of changes only, and its advance leaves the history state out", () => {
    const games = {
      changes: [change(5, 1000)],
      next: { gamesWatermark: iso(1000), gamesSeenIds: [5] },
    };
    const { entry, itemCount } = createOutboxEntry("c1", [part({ games })], new Date(t0));
    expect(itemCount).toBe(1);
    expect(lines(entry)).toEqual([expect.stringMatching(/^🎲 Dice rules changed: dice 5 → 6/)]);
    expect(entry.advances).toEqual([
      { subscriptionId: "s1", session: 7, gamesWatermark: iso(1000), gamesSeenIds: [5] },
    ]);
    const other = createOutboxEntry(
      "c1",
      [part({ games: { ...games, changes: [change(6, 1000)] } })],
      new Date(t0),
    );
    expect(other.entry.messages[0]?.nonce).not.toBe(entry.messages[0]?.nonce);
  });

  it("interleaves changes with history items in one message, each once, and carries both states", () => {
    const next = { watermark: iso(2000), seenAtWatermark: ["a"] };
    const games = {
      changes: [change(8, 1000, "INSERT"), change(9, 3000, "DELETE")],
      next: { gamesWatermark: iso(3000), gamesSeenIds: [8, 9] },
    };
    const parts = [
      part({ items: [item(0), item(2000)], next, games }),
      part({ subscriptionId: "s2", games: { ...games, changes: [games.changes[1]!] } }),
    ];
    const { entry, itemCount } = createOutboxEntry("c1", parts, new Date(t0));
    expect(entry.messages).toHaveLength(1);
    expect(itemCount).toBe(4);
    const posted = lines(entry);
    expect(posted).toHaveLength(4);
    expect(posted[1]).toMatch(/rules set/);
    expect(posted[3]).toMatch(/rules removed/);
    expect(entry.advances[0]).toEqual({
      subscriptionId: "s1",
      session: 7,
      ...next,
      gamesWatermark: iso(3000),
      gamesSeenIds: [8, 9],
    });
  });
});

describe("applyAdvance with a games state", () => {
  it("writes the games state alone without touching the history watermark, never backwards", async () => {
    const store = createMemoryStore();
    await store.subscriptions.put(subscription());
    const advance = {
      subscriptionId: "s1",
      session: 7,
      gamesWatermark: iso(1000),
      gamesSeenIds: [5],
    };
    expect(await applyAdvance(store, advance, new Date(t0 + 2000))).toBe(true);
    let stored = await store.subscriptions.get("s1");
    expect(stored).toMatchObject({ watermark: iso(-5000), seenAtWatermark: ["k"] });
    expect(stored).toMatchObject({ gamesWatermark: iso(1000), lastPostAt: iso(2000) });
    expect(stored?.gamesSeenIds).toEqual([5]);
    // A stale one (an older second) is ignored.
    await applyAdvance(
      store,
      { ...advance, gamesWatermark: iso(-3000), gamesSeenIds: [2] },
      undefined,
    );
    stored = await store.subscriptions.get("s1");
    expect(stored?.gamesWatermark).toBe(iso(1000));
    // Another session's advance (the follower moved on) is skipped.
    expect(await applyAdvance(store, { ...advance, session: 8 }, undefined)).toBe(false);
  });

  it("mergeGamesState keeps the newer second and merges ids of the same second", () => {
    const current = { gamesWatermark: iso(1000), gamesSeenIds: [1] };
    expect(mergeGamesState(current, { gamesWatermark: iso(2000), gamesSeenIds: [2] })).toEqual({
      gamesWatermark: iso(2000),
      gamesSeenIds: [2],
    });
    expect(mergeGamesState(current, { gamesWatermark: iso(0), gamesSeenIds: [0] })).toBe(current);
    expect(mergeGamesState(current, { gamesWatermark: iso(1000), gamesSeenIds: [3] })).toEqual({
      gamesWatermark: iso(1000),
      gamesSeenIds: [1, 3],
    });
  });
});

describe("gamesFeed.readers (which subscriptions make a source read the games feed)", () => {
  it("only games:true, and not when the session reports no game changes", () => {
    const on = subscription();
    const off = subscription({ id: "s2", games: false });
    expect(gamesFeed.readers([on, off], undefined)).toEqual([on]);
    expect(gamesFeed.readers([on, off], { hasGamesChanges: true })).toEqual([on]);
    expect(gamesFeed.readers([on, off], { hasGamesChanges: false })).toEqual([]);
    expect(gamesFeed.readers([off], undefined)).toEqual([]);
  });
});
