/** The pieces behind "reads keep working, writes say why": UI state in memory, reopening read-only SQLite. */
import type { KeyvSqlite } from "@keyv/sqlite";
import { Keyv } from "keyv";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { reopenWhenWritable } from "../../src/store/guardWrites.js";
import { createUiState } from "../../src/store/uiState.js";
import { StoreWriteError } from "../../src/store/writeErrors.js";
import { createFakeClock } from "../fakes/clock.js";

const uiOn = (keyv: Keyv, clock = createFakeClock()) => createUiState(keyv, clock, async () => []);

describe("UI state while the database cannot write", () => {
  it("keeps paging state in memory and reads it back, then prefers the database again", async () => {
    const keyv = new Keyv();
    let full = true;
    const write = keyv.set.bind(keyv);
    keyv.set = (async (...args: Parameters<typeof keyv.set>) => {
      if (full) throw new StoreWriteError("full", "the disk is full");
      return write(...args);
    }) as typeof keyv.set;
    const ui = uiOn(keyv);
    await ui.set("page:1", { cursor: "abc" }, 60_000);
    expect(await ui.get("page:1")).toEqual({ cursor: "abc" });
    expect(await keyv.get("page:1")).toBeUndefined();
    full = false;
    await ui.set("page:1", { cursor: "def" }, 60_000);
    expect((await keyv.get<{ value: unknown }>("page:1"))?.value).toEqual({ cursor: "def" });
    expect(await ui.get("page:1")).toEqual({ cursor: "def" });
    expect(await ui.delete("page:1")).toBe(true);
    expect(await ui.get("page:1")).toBeUndefined();
  });

  it("reads an expired row as gone while keyv cannot delete it", async () => {
    const keyv = new Keyv();
    const clock = createFakeClock();
    const ui = uiOn(keyv, clock);
    await ui.set("old", { cursor: "x" }, 1_000);
    await clock.advance(2_000);
    keyv.delete = (async () => {
      throw new StoreWriteError("full", "the disk is full");
    }) as typeof keyv.delete;
    expect(await ui.get("old")).toBeUndefined();
  });

  it("still throws what is not a store write fault", async () => {
    const keyv = new Keyv();
    keyv.set = (async () => {
      throw new Error("bug");
    }) as typeof keyv.set;
    await expect(uiOn(keyv).set("k", 1, 1000)).rejects.toThrow("bug");
  });
});

describe("a SQLite connection opened read-only", () => {
  it("is opened again before the next write once a write failed as read-only", async () => {
    const readOnly = Object.assign(
      new Error("SQLITE_READONLY: attempt to write a readonly database"),
      {
        code: "SQLITE_READONLY",
      },
    );
    const calls: string[] = [];
    const stub = {
      query: async (sql: string) => {
        calls.push(`old:${sql}`);
        if (sql.startsWith("INSERT")) throw readOnly;
        return [];
      },
      close: async () => {
        calls.push("old:close");
      },
      opts: {
        connect: async () => ({
          query: async (sql: string) => {
            calls.push(`new:${sql}`);
            return [];
          },
          close: async () => undefined,
        }),
      },
    };
    const adapter = stub as unknown as KeyvSqlite;
    reopenWhenWritable(adapter, { file: "/data/bot.sqlite", logger: silentLogger(), retryMs: 0 });
    await adapter.query("SELECT 1");
    await expect(adapter.query("INSERT x")).rejects.toBe(readOnly);
    await adapter.query("INSERT y");
    await adapter.query("SELECT 2");
    expect(calls).toEqual([
      "old:SELECT 1",
      "old:INSERT x",
      "old:close",
      "new:INSERT y",
      "new:SELECT 2",
    ]);
  });
});
