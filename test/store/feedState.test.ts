/**
 * A feed without fields of its own keeps its state in `Subscription.feeds` and in an outbox
 * advance's `feeds` (src/feeds/storage.ts): both stores, SQLite and a real PostgreSQL, keep it
 * across a reopen, and records written before it (no `feeds`) read back unchanged.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import { startPostgres, type TestPostgres } from "../fakes/postgres.js";
import { cipherFor, makeOutboxEntry, makeSubscription, randomKey, tempFolder } from "./helpers.js";

const key = randomKey();
let server: TestPostgres;
let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => {
  server = await startPostgres();
  folder = await tempFolder();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await folder?.cleanup();
});

const open = (databaseUrl: string) =>
  openStore({ databaseUrl, cipher: cipherFor(key), logger: silentLogger() });

const notes = { watermark: "2026-02-10T10:00:12.000Z", seen: ["a", "b"] };

async function roundTrip(databaseUrl: string) {
  const store = await open(databaseUrl);
  const withFeed = makeSubscription({
    id: "subF",
    feeds: { notes, other: { watermark: null, seen: [] } },
  });
  const without = makeSubscription({ id: "subO" });
  await store.subscriptions.put(withFeed);
  await store.subscriptions.put(without);
  const [advance] = makeOutboxEntry().advances;
  const entry = makeOutboxEntry({ id: "nonceF", advances: [{ ...advance!, feeds: { notes } }] });
  await store.outbox.put(entry);
  await store.close();

  const again = await open(databaseUrl);
  try {
    expect(await again.subscriptions.get("subF")).toEqual(withFeed);
    const old = await again.subscriptions.get("subO");
    expect(old).toEqual(without);
    expect(old).not.toHaveProperty("feeds");
    expect((await again.outbox.list()).find((e) => e.id === "nonceF")).toEqual(entry);
  } finally {
    await again.close();
  }
}

describe("a feed's state in the generic map", () => {
  it("is kept by SQLite across a reopen", async () => {
    await roundTrip(`sqlite://${join(folder.dir, "bot.sqlite")}`);
  });

  it("is kept by PostgreSQL across a reopen", async () => {
    await roundTrip(await server.newDatabase());
  });
});
