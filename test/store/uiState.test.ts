/** UI state on a real SQLite file: it does not pile up, and /unlink can find a member's. */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import { cipherFor, randomKey, rawDatabase, tempFolder } from "./helpers.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("UI state", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: Store;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  async function rowsIn(namespace: string): Promise<number> {
    const raw = rawDatabase(join(dir, "bot.sqlite"));
    try {
      const rows = (await raw.adapter.query(
        "SELECT count(*) AS n FROM keyv WHERE key LIKE ?",
        `${namespace}:%`,
      )) as { n: number }[];
      return rows[0]?.n ?? -1;
    } finally {
      await raw.adapter.disconnect();
    }
  }

  it("deletes expired records while new ones are written, so a long run stays bounded", async () => {
    store = await openStore({
      databaseUrl: `sqlite://${join(dir, "bot.sqlite")}`,
      cipher: cipherFor(randomKey()),
      logger: silentLogger(),
      uiSweepEveryMs: 0,
    });
    // 12 rounds of 10 short-lived records; each round's write sweeps the expired earlier rounds.
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 10; i++)
        await store.uiState.set(`histories:r${round}i${i}`, { userId: "1", page: i }, 40);
      await sleep(60);
    }
    await store.uiState.set("histories:last", { userId: "1" }, 60_000);
    await store.uiState.sweep();
    expect(await rowsIn("ui")).toBe(1);
  });

  it("lists and deletes one member's records only", async () => {
    store = await openStore({
      databaseUrl: `sqlite://${join(dir, "bot.sqlite")}`,
      cipher: cipherFor(randomKey()),
      logger: silentLogger(),
    });
    await store.uiState.set("histories:a", { userId: "111", session: 4 }, 60_000);
    await store.uiState.set("histories:b", { userId: "111", session: 5 }, 60_000);
    await store.uiState.set("histories:c", { userId: "222", session: 4 }, 60_000);
    await store.uiState.set("histories:d", "no owner", 60_000);
    expect((await store.uiState.listByUser("111")).map((e) => e.key).sort()).toEqual([
      "histories:a",
      "histories:b",
    ]);
    expect(await store.uiState.deleteByUser("111")).toBe(2);
    expect(await store.uiState.listByUser("111")).toEqual([]);
    expect(await store.uiState.get("histories:c")).toEqual({ userId: "222", session: 4 });
    expect(await store.uiState.get("histories:d")).toBe("no owner");
    expect(await rowsIn("ui")).toBe(2);
  });
});
