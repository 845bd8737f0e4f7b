/** Shared set-up for the store tests: temp folders, captured logs, sample records. */
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KeyvSqlite } from "@keyv/sqlite";
import { Keyv } from "keyv";
import { createLogger, type Logger } from "../../src/log.js";
import { createTokenCipher, type TokenCipher } from "../../src/store/crypto.js";
import type { OutboxEntry, Subscription } from "../../src/store/types.js";

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A real pino logger whose JSON lines are kept for assertions. */
export function captureLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = {
    write(line: string) {
      lines.push(JSON.parse(line) as LogLine);
    },
  };
  return { logger: createLogger({ level: "debug", destination }), lines };
}

export const levels = { warn: 40, error: 50 } as const;

/** A fresh temp folder per test, removed afterwards via the returned cleanup. */
export async function tempFolder(): Promise<{ dir: string; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "ct-store-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function randomKey(): Buffer {
  return randomBytes(32);
}

export function cipherFor(current: Buffer, previous: Buffer[] = []): TokenCipher {
  return createTokenCipher({ current, previous });
}

/** Everything SQLite may have written for this database, concatenated. */
export async function databaseBytes(file: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (const path of [file, `${file}-wal`, `${file}-journal`, `${file}-shm`]) {
    try {
      parts.push(await readFile(path));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
  }
  return Buffer.concat(parts);
}

/**
 * Direct access to the keyv table, bypassing the store: to look at what was
 * really written and to plant records the store would never write itself.
 */
export function rawDatabase(file: string): { adapter: KeyvSqlite; keyv(namespace: string): Keyv } {
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5_000 });
  return {
    adapter,
    keyv: (namespace) => new Keyv(adapter, { namespace, throwOnErrors: true }),
  };
}

let counter = 0;

export function makeSubscription(overrides: Partial<Subscription> = {}): Subscription {
  counter += 1;
  return {
    id: `sub${counter}`,
    guildId: "100000000000000001",
    channelId: "200000000000000001",
    userId: "300000000000000001",
    session: 42,
    filters: { type: "ADD", dom: true },
    createdAt: "2025-01-02T03:04:05.000Z",
    status: "active",
    pausedReason: null,
    pausedAt: null,
    currentSession: 42,
    watermark: "2025-01-02T03:04:05.678Z",
    seenAtWatermark: ["a", "b"],
    lastPostAt: null,
    target: "channel",
    games: false,
    gamesWatermark: null,
    gamesSeenIds: [],
    ...overrides,
  };
}

export function makeOutboxEntry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  counter += 1;
  return {
    id: `nonce${counter}`,
    channelId: "200000000000000001",
    messages: [
      {
        nonce: `nonce${counter}`,
        body: { content: "hello", nonce: `nonce${counter}`, enforce_nonce: true },
      },
    ],
    sent: 0,
    advances: [
      {
        subscriptionId: "sub1",
        session: 42,
        watermark: "2025-01-02T03:04:05.678Z",
        seenAtWatermark: ["x"],
      },
    ],
    createdAt: "2025-01-02T03:04:06.000Z",
    ...overrides,
  };
}
