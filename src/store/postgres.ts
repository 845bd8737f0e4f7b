/**
 * Postgres under the store: ONE pool for the whole process (the store's ten
 * namespaces, the leases, the shared budget), ended once on close.
 *
 * The keyv table has the shape @keyv/postgres creates (`keyv(key, value)`),
 * and keys carry keyv's own `namespace:` prefix exactly as on SQLite, so a
 * database filled by that adapter reads the same here.
 */
import { EventEmitter } from "node:events";
import pg from "pg";
import type { KeyvStoreAdapter, StoredData } from "keyv";
import type { Logger } from "../log.js";

/** The process's one connection pool and its single, idempotent end. */
export interface PostgresDatabase {
  readonly pool: pg.Pool;
  /** Ends the pool once; later calls wait for the same end. */
  end(): Promise<void>;
}

export interface OpenPostgresOptions {
  url: string;
  logger: Logger;
  /** Connections at most; leases and the budget need few, the store's writes are queued. */
  max?: number;
}

/** Creates the pool, checks it answers, and creates the tables this bot uses (idempotent). */
export async function openPostgres(options: OpenPostgresOptions): Promise<PostgresDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 8,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A lease renewal must never hang on a dead server: the statement gives up first.
    statement_timeout: 5_000,
    query_timeout: 6_000,
  });
  // An idle connection the server dropped emits here; without a listener it would crash the process.
  pool.on("error", (err) =>
    options.logger.warn({ err: safeError(err) }, "postgres connection lost"),
  );
  let ended: Promise<void> | undefined;
  const end = () => {
    ended ??= pool.end();
    return ended;
  };
  try {
    await createTables(pool);
  } catch (err) {
    await end().catch(() => undefined);
    throw err;
  }
  return { pool, end };
}

/**
 * Every table, in one transaction under an advisory lock: two instances
 * starting together would otherwise race on CREATE TABLE IF NOT EXISTS.
 */
async function createTables(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('ct-bot schema'))");
    for (const statement of schema) await client.query(statement);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const schema = [
  "CREATE TABLE IF NOT EXISTS keyv (key VARCHAR(255) PRIMARY KEY, value TEXT)",
  // Leases: who holds what until when (the database's clock); token rises on every new holder.
  `CREATE TABLE IF NOT EXISTS leases (
     name TEXT PRIMARY KEY, holder TEXT NOT NULL, token BIGINT NOT NULL,
     expires_at TIMESTAMPTZ NOT NULL)`,
  // Interactions acknowledged: the first instance to insert an id is the one that answers.
  `CREATE TABLE IF NOT EXISTS interaction_claims (
     id TEXT PRIMARY KEY, holder TEXT NOT NULL, claimed_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
  // The shared tracker budget: request starts of the last minute, and the 429 pause.
  "CREATE TABLE IF NOT EXISTS tracker_requests (at TIMESTAMPTZ NOT NULL)",
  "CREATE INDEX IF NOT EXISTS tracker_requests_at ON tracker_requests (at)",
  "CREATE TABLE IF NOT EXISTS tracker_pause (id INT PRIMARY KEY, until TIMESTAMPTZ NOT NULL)",
];

/** The pg error without the connection string or parameters a driver might attach. */
export function safeError(err: unknown): { message: string; code?: string } {
  const message = err instanceof Error ? err.message : String(err);
  const code =
    typeof err === "object" && err !== null && "code" in err ? String(err.code) : undefined;
  return code === undefined ? { message } : { message, code };
}

/**
 * A keyv adapter over the shared pool. Keyv prefixes every key with its
 * namespace, so one adapter serves every namespace (as on SQLite).
 */
export function createPostgresAdapter(database: PostgresDatabase): KeyvStoreAdapter & {
  rows(prefix: string): AsyncGenerator<[string, unknown]>;
} {
  const { pool } = database;
  const emitter = new EventEmitter();
  const adapter = Object.assign(emitter, {
    opts: { dialect: "postgres" },
    namespace: undefined as string | undefined,
    async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
      const result = await pool.query("SELECT value FROM keyv WHERE key = $1", [key]);
      return (result.rows[0]?.value ?? undefined) as StoredData<Value> | undefined;
    },
    async getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
      const result = await pool.query("SELECT key, value FROM keyv WHERE key = ANY($1)", [keys]);
      const byKey = new Map(result.rows.map((row) => [row.key as string, row.value]));
      return keys.map((key) => byKey.get(key) as StoredData<Value | undefined>);
    },
    async set(key: string, value: unknown): Promise<void> {
      await pool.query(
        "INSERT INTO keyv (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
      );
    },
    async delete(key: string): Promise<boolean> {
      const result = await pool.query("DELETE FROM keyv WHERE key = $1", [key]);
      return (result.rowCount ?? 0) > 0;
    },
    async deleteMany(keys: string[]): Promise<boolean> {
      const result = await pool.query("DELETE FROM keyv WHERE key = ANY($1)", [keys]);
      return (result.rowCount ?? 0) > 0;
    },
    async has(key: string): Promise<boolean> {
      const result = await pool.query("SELECT 1 FROM keyv WHERE key = $1", [key]);
      return result.rows.length > 0;
    },
    async clear(): Promise<void> {
      // keyv's clear() would name the namespace last constructed (shared adapter): never used.
      throw new Error("clear() is not supported on the shared postgres adapter");
    },
    /** Every row whose key starts with `prefix`, in pages (no cursor held open across awaits). */
    async *rows(prefix: string): AsyncGenerator<[string, unknown]> {
      let after = "";
      for (;;) {
        const result = await pool.query(
          "SELECT key, value FROM keyv WHERE starts_with(key, $1) AND key > $2 ORDER BY key LIMIT 500",
          [prefix, after],
        );
        for (const row of result.rows) yield [row.key as string, row.value];
        if (result.rows.length < 500) return;
        after = result.rows[result.rows.length - 1].key as string;
      }
    },
    disconnect: () => database.end(),
  });
  return adapter;
}
