/**
 * Store writes report to the store-health tracker (writeHealth.ts) and throw
 * a typed StoreWriteError; a SQLite connection that was opened read-only is
 * opened again, read-write, once the file system allows.
 */
import { performance } from "node:perf_hooks";
import type { KeyvSqlite } from "@keyv/sqlite";
import type { Keyv } from "keyv";
import type { Logger } from "../log.js";
import { faultKindOf } from "./writeErrors.js";
import type { StoreWriteHealth } from "./writeHealth.js";

const writeMethods = ["set", "setMany", "delete", "deleteMany", "clear"] as const;
const readMethods = ["get", "getMany", "has"] as const;

/** Wraps the keyv instance's write methods (keyv calls them on itself, so its own deletes count too). */
export function guardKeyvWrites(keyv: Keyv, health: StoreWriteHealth): void {
  const target = keyv as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of readMethods) {
    const original = target[method]!.bind(keyv);
    target[method] = async (...args: unknown[]) => {
      try {
        return await original(...args);
      } catch (err) {
        // A read blocked by another program's lock is the same fault a write would meet, and
        // queued reads would otherwise hold back the first write that could name it.
        if (faultKindOf(err) === "locked") throw health.failed(err);
        throw err;
      }
    };
  }
  for (const method of writeMethods) {
    const original = target[method]!.bind(keyv);
    target[method] = async (...args: unknown[]) => {
      try {
        const result = await original(...args);
        health.succeeded();
        return result;
      } catch (err) {
        throw health.failed(err);
      }
    };
  }
}

interface Connection {
  query(sql: string, ...params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export interface ReopenOptions {
  file: string;
  logger: Logger;
  /** Least time between two tries to open again. Default 5 s. */
  retryMs?: number;
}

/**
 * SQLite opens a file it cannot write read-only, and that connection stays
 * read-only after the folder becomes writable: after a write fails as
 * read-only (or unable to open), the next write first opens a new connection.
 */
export function reopenWhenWritable(adapter: KeyvSqlite, options: ReopenOptions): void {
  const retryMs = options.retryMs ?? 5_000;
  const raw = adapter as unknown as Connection;
  let current: Connection = { query: raw.query.bind(adapter), close: raw.close.bind(adapter) };
  let reopenDue = false;
  let lastTry = Number.NEGATIVE_INFINITY;

  const reopen = async (): Promise<void> => {
    lastTry = performance.now();
    // The adapter's own connect(): the same file, busy timeout and driver as the first connection.
    const fresh = await (adapter.opts as unknown as { connect(): Promise<Connection> }).connect();
    const old = current;
    current = fresh;
    reopenDue = false;
    options.logger.debug({ database: options.file }, "store connection opened again");
    old.close().catch(() => undefined);
  };

  raw.query = async (sql: string, ...params: unknown[]) => {
    const write = /^\s*(insert|update|delete|replace|create|drop)\b/i.test(sql);
    if (write && reopenDue && performance.now() - lastTry >= retryMs) {
      await reopen().catch((err: unknown) => {
        options.logger.debug({ err, database: options.file }, "store: could not open again yet");
      });
    }
    try {
      return await current.query(sql, ...params);
    } catch (err) {
      const kind = faultKindOf(err);
      if (write && (kind === "readonly" || kind === "cantopen")) reopenDue = true;
      throw err;
    }
  };
  raw.close = () => current.close();
}
