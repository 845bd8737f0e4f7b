import { describe, expect, it } from "vitest";
import { createStoreWriteHealth } from "../../src/store/writeHealth.js";
import { StoreWriteError } from "../../src/store/writeErrors.js";
import { captureLogger, levels } from "./helpers.js";

const sqliteError = (code: string) =>
  Object.assign(new Error(`${code}: database or disk is full`), { code });

describe("the store-health tracker", () => {
  it("logs a lasting fault once, then at most once a minute with a count, and once when it ends", () => {
    const { logger, lines } = captureLogger();
    let now = 0;
    const health = createStoreWriteHealth({ logger, database: "data/bot.sqlite", now: () => now });
    // Four failed writes a second for three minutes: the 3.8 lines a second of the issue.
    for (let ms = 0; ms < 180_000; ms += 250) {
      now = ms;
      expect(health.failed(sqliteError("SQLITE_FULL"))).toBeInstanceOf(StoreWriteError);
    }
    expect(health.fault()?.kind).toBe("full");
    now = 181_000;
    health.succeeded();
    health.succeeded();
    const messages = lines.map((l) => [l.level, l.msg, l.failedWrites]);
    expect(messages).toEqual([
      [
        levels.error,
        "store cannot write: the disk holding data/bot.sqlite is full: new posts are held until there is space; nothing is lost",
        undefined,
      ],
      [levels.error, expect.stringMatching(/^store still cannot write: the disk/), 240],
      [levels.error, expect.stringMatching(/^store still cannot write: the disk/), 240],
      [30, "store can write again: held posts go out now", 720],
    ]);
    expect(health.fault()).toBeUndefined();
    expect(health.writeErrors()).toBe(720);
  });

  it("names each kind for the admin and starts again when the kind changes", () => {
    const { logger, lines } = captureLogger();
    const health = createStoreWriteHealth({ logger, database: "/data/bot.sqlite", now: () => 0 });
    health.failed(sqliteError("SQLITE_READONLY"));
    health.failed(sqliteError("SQLITE_CANTOPEN"));
    health.failed(sqliteError("SQLITE_BUSY"));
    health.failed(new Error("SQLITE_IOERR: disk I/O error"));
    expect(lines.map((l) => l.fault)).toEqual(["readonly", "cantopen", "locked", "ioerr"]);
    expect(lines[0]?.msg).toMatch(/\/data\/bot\.sqlite is read-only/);
    expect(lines[1]?.msg).toMatch(
      /cannot open or create files in the folder of \/data\/bot\.sqlite/,
    );
    expect(lines[2]?.msg).toMatch(/another program holds the write lock/);
  });
});
