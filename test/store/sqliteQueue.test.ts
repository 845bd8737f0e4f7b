/**
 * While another program holds the SQLite file's lock, the bot's own
 * connection must not freeze the event loop, and the health probe must say
 * "busy" without waiting out the bot's 5 s busy timeout. The lock is held by
 * a real second process (test/e2e/hostFs.ts).
 */
import { join } from "node:path";
import { KeyvSqlite } from "@keyv/sqlite";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { openBackend } from "../../src/store/backend.js";
import {
  createSqliteProbe,
  queueQueries,
  type SqliteConnection,
} from "../../src/store/sqliteQueue.js";
import { holdLock } from "../e2e/hostFs.js";
import { tempFolder } from "./helpers.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function databaseFile(): Promise<string> {
  const folder = await tempFolder();
  cleanups.push(folder.cleanup);
  const file = join(folder.dir, "bot.sqlite");
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}` });
  await adapter.set("seed", "1");
  await adapter.disconnect();
  return file;
}

async function locked(file: string, mode?: "EXCLUSIVE" | "IMMEDIATE") {
  const lock = await holdLock(file, mode);
  cleanups.push(() => lock.release());
  return lock;
}

/** The longest gap between two ticks of a 20 ms interval: how long the event loop stood still. */
function watchEventLoop() {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 20);
    last = now;
  }, 20);
  return {
    stop() {
      clearInterval(timer);
      return worst;
    },
  };
}

describe("queued SQLite queries while another program holds the lock", () => {
  it("never stall the event loop, and each waits its own busy timeout in turn", async () => {
    const file = await databaseFile();
    const busyTimeoutMs = 1500;
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: busyTimeoutMs });
    cleanups.push(() => adapter.disconnect());
    queueQueries(adapter as unknown as SqliteConnection);
    await adapter.get("seed");
    await locked(file);

    const loop = watchEventLoop();
    const started = performance.now();
    const settled: number[] = [];
    const writes = [0, 1, 2].map((i) =>
      adapter.set(`k${i}`, "v").then(
        () => "written",
        (err: { code?: string }) => {
          settled.push(performance.now() - started);
          return err.code;
        },
      ),
    );
    expect(await Promise.all(writes)).toEqual(["SQLITE_BUSY", "SQLITE_BUSY", "SQLITE_BUSY"]);
    const stalledMs = loop.stop();
    // In parallel, node-sqlite3 finalizes statements on the main thread under the mutex a
    // waiting query holds: the loop stood still for about a busy timeout (1.5 s) at a time.
    expect(stalledMs).toBeLessThan(busyTimeoutMs / 2);
    // One after the other: the n-th gives up after about n busy timeouts.
    expect(settled[2]).toBeGreaterThanOrEqual(3 * busyTimeoutMs - 50);
  }, 20_000);

  it("keep their order, and close waits for those queued before it", async () => {
    const file = await databaseFile();
    const adapter = new KeyvSqlite({ uri: `sqlite://${file}` });
    queueQueries(adapter as unknown as SqliteConnection);
    const done: string[] = [];
    const work = ["a", "b", "c"].map((k) => adapter.set(k, k).then(() => done.push(k)));
    await adapter.disconnect();
    await Promise.all(work);
    expect(done).toEqual(["a", "b", "c"]);
  });
});

describe("the store probe", () => {
  it("says busy at once while another program holds the lock, ok once it is released", async () => {
    const file = await databaseFile();
    const backend = await openBackend({ databaseUrl: `sqlite://${file}`, logger: silentLogger() });
    cleanups.push(() => backend.close());
    expect(await backend.ping()).toBe("ok");
    for (const mode of ["EXCLUSIVE", "IMMEDIATE"] as const) {
      const lock = await locked(file, mode);
      // The bot's own queries wait up to 5 s on this lock; the probe must not.
      const pending = backend
        .keyv("meta")
        .set("x", "queued behind the lock")
        .catch(() => "failed");
      const started = performance.now();
      expect(await backend.ping()).toBe("busy");
      expect(performance.now() - started).toBeLessThan(1000);
      await lock.release();
      expect(await backend.ping()).toBe("ok");
      await pending;
    }
  }, 30_000);

  it("answers ok on a connection that may read but not write, and rejects when it cannot open", async () => {
    // A read-only connection as SQLite reports it (a real one needs a read-only mount).
    const asked: string[] = [];
    const readOnly = createSqliteProbe({
      connect: async () => ({
        async query(sql: string) {
          asked.push(sql);
          if (sql === "BEGIN IMMEDIATE")
            throw Object.assign(
              new Error("SQLITE_READONLY: attempt to write a readonly database"),
              {
                code: "SQLITE_READONLY",
              },
            );
          return [];
        },
        close: async () => undefined,
      }),
    });
    expect(await readOnly.probe()).toBe("ok");
    expect(asked).toEqual([
      "PRAGMA busy_timeout = 100",
      "BEGIN IMMEDIATE",
      "SELECT count(*) FROM sqlite_master",
    ]);

    let tries = 0;
    const unopenable = createSqliteProbe({
      connect: async () => {
        tries++;
        throw Object.assign(new Error("SQLITE_CANTOPEN: unable to open database file"), {
          code: "SQLITE_CANTOPEN",
        });
      },
    });
    await expect(unopenable.probe()).rejects.toThrow(/CANTOPEN/);
    await expect(unopenable.probe()).rejects.toThrow(/CANTOPEN/);
    expect(tries).toBe(2);
  });
});
