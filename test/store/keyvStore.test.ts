import { randomBytes } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/log.js";
import {
  openStore,
  StoreConfigError,
  StoreOpenError,
  StoreUnavailableError,
} from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import { StoreWriteError } from "../../src/store/writeErrors.js";
import { captureLogger, cipherFor, levels, randomKey, rawDatabase, tempFolder } from "./helpers.js";

const cipher = cipherFor(randomKey());
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("openStore", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const open: Store[] = [];

  async function openAt(databaseUrl: string, extra: { pingTimeoutMs?: number } = {}) {
    const store = await openStore({ databaseUrl, cipher, logger: silentLogger(), ...extra });
    open.push(store);
    return store;
  }

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await cleanup();
  });

  it("opens a relative sqlite:// path against the working directory, creating folders", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await openAt("sqlite://nested/data/bot.sqlite");
      await store.meta.set("commandsHash", "abc");
      expect((await stat(join(dir, "nested", "data", "bot.sqlite"))).isFile()).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it("opens an absolute sqlite:/// path and reopens it after close", async () => {
    const file = join(dir, "deep", "bot.sqlite");
    const store = await openAt(`sqlite://${file}`);
    await store.meta.set("commandsHash", "abc123");
    expect(await store.meta.get("commandsHash")).toBe("abc123");
    expect(await store.meta.get("missing")).toBeUndefined();
    await store.close();
    await store.close(); // idempotent

    const again = await openAt(`sqlite://${file}`);
    expect(await again.meta.get("commandsHash")).toBe("abc123");
    await again.ping();
  });

  it("expires UI state after its TTL and removes expired rows on open", async () => {
    const file = join(dir, "bot.sqlite");
    const store = await openAt(`sqlite://${file}`);
    // Real timers: the expiry is the point. Generous, so a loaded machine cannot expire it before the first read.
    await store.uiState.set("page:1", { cursor: "abc", page: 2 }, 1500);
    await store.uiState.set("page:2", { cursor: "def" }, 60_000);
    await store.uiState.set("stale", "x", 30);
    expect(await store.uiState.get("page:1")).toEqual({ cursor: "abc", page: 2 });
    await sleep(1600);
    expect(await store.uiState.get("page:1")).toBeUndefined();
    expect(await store.uiState.get("page:2")).toEqual({ cursor: "def" });
    expect(await store.uiState.delete("page:2")).toBe(true);
    expect(await store.uiState.get("page:2")).toBeUndefined();
    await expect(store.uiState.set("forever", 1, 0)).rejects.toBeInstanceOf(RangeError);
    await store.close();

    // "stale" expired unread: the row is still there until the next open sweeps it.
    const before = rawDatabase(file);
    expect(await before.adapter.get("ui:stale")).toBeDefined();
    await before.adapter.disconnect();
    await openAt(`sqlite://${file}`);
    const after = rawDatabase(file);
    expect(await after.adapter.get("ui:stale")).toBeUndefined();
    await after.adapter.disconnect();
  });

  it("keeps namespaces apart on the shared connection", async () => {
    const store = await openAt(`sqlite://${join(dir, "bot.sqlite")}`);
    await store.meta.set("same", "meta");
    await store.uiState.set("same", "ui", 60_000);
    expect(await store.meta.get("same")).toBe("meta");
    expect(await store.uiState.get("same")).toBe("ui");
  });

  it("ping rejects when the database does not answer in time, and after close", async () => {
    const file = join(dir, "bot.sqlite");
    const store = await openAt(`sqlite://${file}`, { pingTimeoutMs: 100 });
    await store.ping();

    // Another connection holds an exclusive lock: reads wait for it.
    const other = rawDatabase(file);
    await other.adapter.query("BEGIN EXCLUSIVE");
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await other.adapter.query("ROLLBACK");
    await other.adapter.disconnect();
    await store.ping();

    await store.close();
    await expect(store.ping()).rejects.toThrow(/closed/i);
  });

  it("finishes queued writes before closing", async () => {
    const file = join(dir, "bot.sqlite");
    const store = await openAt(`sqlite://${file}`);
    const { makeSubscription } = await import("./helpers.js");
    const subs = Array.from({ length: 10 }, () => makeSubscription());
    const writes = subs.map((s) => store.subscriptions.put(s));
    await store.close();
    await Promise.all(writes);
    const again = await openAt(`sqlite://${file}`);
    expect(await again.subscriptions.list()).toHaveLength(10);
  });
});

describe("openStore failures", () => {
  let dir: string;
  let cleanup: () => Promise<void>;

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterEach(() => cleanup());

  async function expectLoggedFailure(databaseUrl: string, pattern: RegExp) {
    const { logger, lines } = captureLogger();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      const failure = await openStore({ databaseUrl, cipher, logger }).catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(StoreOpenError);
      expect((failure as Error).message).toMatch(pattern);
      await sleep(20);
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
    const errors = lines.filter(
      (line) => line.level === levels.error && line.msg === "store error",
    );
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0]?.err)).toMatch(pattern);
  }

  it("logs and reports a path SQLite cannot open, without crashing", async () => {
    const folder = join(dir, "is-a-folder");
    await mkdir(folder);
    await expectLoggedFailure(`sqlite://${folder}`, /SQLITE_CANTOPEN/);
  });

  it("logs and reports a file that is not a database", async () => {
    const file = join(dir, "garbage.sqlite");
    await writeFile(file, randomBytes(8192));
    await expectLoggedFailure(`sqlite://${file}`, /SQLITE_NOTADB/);
  });

  it("logs failed writes once as a store fault and rejects them typed", async () => {
    const { logger, lines } = captureLogger();
    const store = await openStore({
      databaseUrl: `sqlite://${join(dir, "bot.sqlite")}`,
      cipher,
      logger,
    });
    await store.close();
    const failed = await store.meta.set("k", "v").catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(StoreWriteError);
    expect(String((failed as Error).cause)).toMatch(/SQLITE_MISUSE/);
    await expect(
      store.accounts.set({ userId: "1", nick: "n", linkedAt: "t", token: "secret-token" }),
    ).rejects.toBeInstanceOf(StoreWriteError);
    const errors = lines.filter((line) => line.level === levels.error);
    expect(errors.map((line) => line.msg)).toEqual([
      expect.stringMatching(/^store cannot write: the database \(.*bot\.sqlite\) refuses writes/),
    ]);
    expect(JSON.stringify(lines)).not.toContain("secret-token");
  });

  it("fails when the folder cannot be created", async () => {
    const file = join(dir, "file");
    await writeFile(file, "");
    await expect(
      openStore({ databaseUrl: `sqlite://${file}/sub/bot.sqlite`, cipher, logger: silentLogger() }),
    ).rejects.toThrow(
      /DATABASE_URL: the data folder .*file\/sub cannot be used \(.*file is a file, not a folder\)/,
    );
  });

  it("rejects unknown schemes and an empty sqlite path", async () => {
    for (const databaseUrl of ["", "bot.sqlite", "ftp://host/db", "sqlite://"]) {
      await expect(
        openStore({ databaseUrl, cipher, logger: silentLogger() }),
      ).rejects.toBeInstanceOf(StoreConfigError);
    }
  });

  it("names the adapter package to install for other databases", async () => {
    const cases = [
      ["redis://localhost:6379", "@keyv/redis"],
      ["mysql://user:pw@db/bot", "@keyv/mysql"],
      ["mongodb+srv://user:pw@cluster/bot", "@keyv/mongo"],
    ] as const;
    for (const [databaseUrl, packageName] of cases) {
      const failure = await openStore({ databaseUrl, cipher, logger: silentLogger() }).catch(
        (err: unknown) => err,
      );
      expect(failure).toBeInstanceOf(StoreConfigError);
      expect((failure as Error).message).toContain(`npm install ${packageName}`);
      expect((failure as Error).message).not.toContain("pw");
    }
  });
});
