import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Logger, silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import {
  captureLogger,
  cipherFor,
  levels,
  makeOutboxEntry,
  makeSubscription,
  randomKey,
  rawDatabase,
  tempFolder,
} from "./helpers.js";

describe("subscriptions and outbox", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let file: string;
  const key = randomKey();
  const open: Store[] = [];

  async function openAt(logger: Logger = silentLogger()): Promise<Store> {
    const store = await openStore({
      databaseUrl: `sqlite://${file}`,
      cipher: cipherFor(key),
      logger,
    });
    open.push(store);
    return store;
  }

  async function reopen(store: Store, logger?: Logger): Promise<Store> {
    await store.close();
    return openAt(logger);
  }

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
    file = join(dir, "bot.sqlite");
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await cleanup();
  });

  it("lists all, by user and by guild, and deletes by user", async () => {
    const store = await openAt();
    const a = makeSubscription({ userId: "u1", guildId: "g1" });
    const b = makeSubscription({ userId: "u1", guildId: "g2", session: null, filters: {} });
    const c = makeSubscription({
      userId: "u2",
      guildId: "g1",
      status: "paused",
      pausedReason: "token_invalid",
      pausedAt: "2025-01-03T00:00:00.000Z",
    });
    for (const s of [a, b, c]) await store.subscriptions.put(s);

    const ids = async (list: Promise<{ id: string }[]>) => (await list).map((s) => s.id).sort();
    expect(await ids(store.subscriptions.list())).toEqual([a.id, b.id, c.id].sort());
    expect(await ids(store.subscriptions.listByUser("u1"))).toEqual([a.id, b.id].sort());
    expect(await ids(store.subscriptions.listByGuild("g1"))).toEqual([a.id, c.id].sort());
    expect(await store.subscriptions.listByUser("nobody")).toEqual([]);
    expect(await store.subscriptions.get(c.id)).toEqual(c);
    expect(await store.subscriptions.get("missing")).toBeUndefined();

    expect(await store.subscriptions.deleteByUser("u1")).toBe(2);
    expect(await store.subscriptions.deleteByUser("u1")).toBe(0);
    expect(await ids(store.subscriptions.list())).toEqual([c.id]);

    expect(await store.subscriptions.delete(c.id)).toBe(true);
    expect(await store.subscriptions.delete(c.id)).toBe(false);

    const reopened = await reopen(store);
    expect(await reopened.subscriptions.list()).toEqual([]);
  });

  it("keeps subscriptions and outbox entries across reopen, exactly", async () => {
    const store = await openAt();
    const sub = makeSubscription({ filters: { source: "DICE", type: "SUB", dom: false } });
    const kept = makeOutboxEntry();
    const gone = makeOutboxEntry();
    await store.subscriptions.put(sub);
    await store.outbox.put(kept);
    await store.outbox.put(gone);
    await store.outbox.put({ ...kept, sent: 1 });
    expect(await store.outbox.delete(gone.id)).toBe(true);

    const reopened = await reopen(store);
    expect(await reopened.subscriptions.list()).toEqual([sub]);
    expect(await reopened.outbox.list()).toEqual([{ ...kept, sent: 1 }]);
  });

  it("hands out copies: changing a returned object changes nothing stored", async () => {
    const store = await openAt();
    const sub = makeSubscription();
    await store.subscriptions.put(sub);
    sub.status = "paused";
    const listed = await store.subscriptions.list();
    listed[0]!.seenAtWatermark.push("mutated");
    const got = await store.subscriptions.get(sub.id);
    got!.watermark = null;
    expect(await store.subscriptions.get(sub.id)).toMatchObject({
      status: "active",
      seenAtWatermark: ["a", "b"],
      watermark: "2025-01-02T03:04:05.678Z",
    });
  });

  it("shares its own objects with the poller's tick, uncopied and current (listShared)", async () => {
    const store = await openAt();
    const sub = makeSubscription();
    await store.subscriptions.put(sub);
    const first = store.subscriptions.listShared?.() ?? [];
    const second = store.subscriptions.listShared?.() ?? [];
    expect(first).toHaveLength(1);
    expect(second[0]).toBe(first[0]); // the same object both times: nothing was copied
    expect((await store.subscriptions.list())[0]).not.toBe(first[0]);
    await store.subscriptions.update(sub.id, (s) => ({ ...s, status: "paused" }));
    expect(store.subscriptions.listShared?.()[0]?.status).toBe("paused");
    expect(first[0]?.status).toBe("active"); // an update replaces the object, never changes it
  });

  it("keeps every one of 50 concurrent puts, and the last of repeated puts", async () => {
    const store = await openAt();
    const subs = Array.from({ length: 50 }, (_, i) => makeSubscription({ userId: `u${i % 3}` }));
    const target = makeSubscription();
    await Promise.all([
      ...subs.map((s) => store.subscriptions.put(s)),
      ...Array.from({ length: 20 }, (_, i) =>
        store.subscriptions.put({
          ...target,
          lastPostAt: `2025-01-01T00:00:${String(i).padStart(2, "0")}.000Z`,
        }),
      ),
      ...Array.from({ length: 10 }, () => store.outbox.put(makeOutboxEntry())),
    ]);
    expect(await store.subscriptions.list()).toHaveLength(51);

    const reopened = await reopen(store);
    const listed = await reopened.subscriptions.list();
    expect(listed).toHaveLength(51);
    expect(new Set(listed.map((s) => s.id))).toEqual(new Set([...subs, target].map((s) => s.id)));
    expect((await reopened.subscriptions.get(target.id))?.lastPostAt).toBe(
      "2025-01-01T00:00:19.000Z",
    );
    expect(await reopened.subscriptions.listByUser("u0")).toHaveLength(17);
    expect(await reopened.outbox.list()).toHaveLength(10);
  });

  it("reads records older than DM subscriptions and game-rule posts as channel ones without games", async () => {
    const first = await openAt();
    await first.close();
    const { target, games, gamesWatermark, gamesSeenIds, ...old } = makeSubscription({ id: "old" });
    const raw = rawDatabase(file);
    await raw.keyv("subscriptions").set("old", old);
    await raw.adapter.disconnect();
    const store = await openAt();
    expect(await store.subscriptions.get("old")).toEqual({
      ...old,
      target: "channel",
      games: false,
      gamesWatermark: null,
      gamesSeenIds: [],
    });
    const dm = makeSubscription({ id: "dm", guildId: null, target: "dm", games: true });
    await store.subscriptions.put(dm);
    expect(await (await reopen(store)).subscriptions.get("dm")).toEqual(dm);
  });

  it("skips corrupt records with a log line and can still delete them", async () => {
    const first = await openAt();
    const good = makeSubscription();
    await first.subscriptions.put(good);
    await first.close();

    const raw = rawDatabase(file);
    await raw.adapter.set("subscriptions:broken", "{not json");
    await raw.keyv("subscriptions").set("partial", { id: "partial", guildId: "g" });
    await raw.keyv("subscriptions").set("moved", makeSubscription({ id: "elsewhere" }));
    await raw
      .keyv("subscriptions")
      .set("badenum", { ...makeSubscription({ id: "badenum" }), status: "sleeping" });
    await raw.keyv("outbox").set("x", { id: "x" });
    // Same prefix letters in another case: not a subscription at all.
    await raw.adapter.set("SUBSCRIPTIONS:upper", JSON.stringify({ value: good, expires: null }));
    await raw.adapter.disconnect();

    const { logger, lines } = captureLogger();
    const store = await openAt(logger);
    expect(await store.subscriptions.list()).toEqual([good]);
    expect(await store.outbox.list()).toEqual([]);

    const skipped = lines.filter((line) => line.level === levels.warn && /skipping/.test(line.msg));
    expect(skipped.map((line) => `${line.namespace}:${line.key}`).sort()).toEqual([
      "outbox:x",
      "subscriptions:badenum",
      "subscriptions:broken",
      "subscriptions:moved",
      "subscriptions:partial",
    ]);
    const badenum = skipped.find((line) => line.key === "badenum");
    expect(JSON.stringify(badenum?.issues)).toMatch(/status/);

    expect(await store.subscriptions.delete("broken")).toBe(true);
    const reopened = await reopen(store, captureLogger().logger);
    expect(await reopened.subscriptions.list()).toEqual([good]);
  });
});
