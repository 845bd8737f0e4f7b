/**
 * Opens the keyv instances behind the store: one keyv namespace per concern.
 *
 * SQLite: one KeyvSqlite adapter (one connection) shared by all namespaces.
 * keyv prefixes keys per instance, so get/set/delete stay apart, but every
 * Keyv constructor overwrites `adapter.namespace`, which keyv's own
 * `iterator()` and `clear()` read (keyv issue #1160): listing therefore calls
 * `adapter.iterator(namespace)` directly and never uses `keyv.iterator()`.
 *
 * Postgres: one pool (postgres.ts) shared the same way, ended once on close.
 *
 * Other databases: adapters such as @keyv/redis prefix keys with their own
 * `namespace`, so sharing one would mix namespaces; they get one each.
 */
import { dirname, resolve } from "node:path";
import { KeyvSqlite } from "@keyv/sqlite";
import { Keyv, type KeyvStoreAdapter } from "keyv";
import { ensureDataFolder } from "../dataDir.js";
import { adapterPackages, schemeOf, sqlitePathOf } from "../databaseUrl.js";
import { systemClock } from "../util/clock.js";
import type { Logger } from "../log.js";
import type { PostgresDatabase } from "./postgres.js";
import { guardKeyvWrites, reopenWhenWritable } from "./guardWrites.js";
import {
  createSqliteProbe,
  type ProbeAnswer,
  queueQueries,
  type SqliteConnection,
} from "./sqliteQueue.js";
import { isStoreWriteError } from "./writeErrors.js";
import { createStoreWriteHealth, type StoreWriteHealth } from "./writeHealth.js";

export const namespaceNames = [
  "accounts",
  "subscriptions",
  "outbox",
  "ui",
  "meta",
  "locales",
  "roleConfigs",
  "roleMembers",
  "plays",
  "votePanels",
  "cards",
  "leaderboard",
  "digest",
] as const;
export type NamespaceName = (typeof namespaceNames)[number];

/** One record of a namespace as listed: its key without prefix and its value, or why not. */
export type ListedEntry = { key: string; value: unknown } | { key: string; error: unknown };

export interface Backend {
  /** Says what was opened, without credentials (for messages and logs). */
  readonly description: string;
  keyv(name: NamespaceName): Keyv;
  /** Every unexpired record of the namespace; expired ones are deleted on the way. */
  list(name: NamespaceName): Promise<ListedEntry[]>;
  /** Whether writes work now; every write reports to it. */
  readonly writeHealth: StoreWriteHealth;
  /** Whether the database answers now; "busy" (without waiting) while another program holds its lock. */
  ping(): Promise<ProbeAnswer>;
  /** Postgres only: the process's one pool, for leases and the shared budget. */
  readonly postgres?: PostgresDatabase;
  close(): Promise<void>;
}

/** The database URL is unusable as configured (bad form, unknown scheme, adapter missing). */
export class StoreConfigError extends Error {
  override readonly name = "StoreConfigError";
}

export interface OpenBackendOptions {
  databaseUrl: string;
  logger: Logger;
  /** SQLite: how long a query waits for a lock held by another connection. */
  busyTimeoutMs?: number;
  /** Least time between two "still cannot write" lines. Default 60 s. */
  writeFaultRepeatMs?: number;
}

export async function openBackend(options: OpenBackendOptions): Promise<Backend> {
  const scheme = schemeOf(options.databaseUrl);
  if (scheme === "sqlite") return openSqlite(options);
  if (scheme === "postgres" || scheme === "postgresql") return openPostgresBackend(options);
  const packageName = scheme === undefined ? undefined : adapterPackages[scheme];
  if (scheme === undefined || packageName === undefined) {
    throw new StoreConfigError(
      `DATABASE_URL must start with sqlite://, redis://, postgres://, mysql:// or mongodb:// (got ${scheme ? `${scheme}://` : "no scheme"})`,
    );
  }
  return openWithAdapterPackage(options, scheme, packageName);
}

async function openSqlite(options: OpenBackendOptions): Promise<Backend> {
  // @keyv/sqlite strips "sqlite://" and opens the rest as a path, relative to
  // the working directory unless absolute; it does not create the folder.
  const relative = sqlitePathOf(options.databaseUrl) ?? "";
  if (relative === "") throw new StoreConfigError("DATABASE_URL sqlite:// needs a file path");
  const file = resolve(relative);
  await ensureDataFolder(dirname(file));
  const adapter = new KeyvSqlite({
    uri: `sqlite://${file}`,
    busyTimeout: options.busyTimeoutMs ?? 5_000,
    // The adapter pages with LIMIT/OFFSET (10 rows by default): fewer round trips.
    iterationLimit: 500,
  });
  reopenWhenWritable(adapter, { file, logger: options.logger });
  // After reopenWhenWritable, so that a reopen waits its turn like any query (sqliteQueue.ts: why).
  queueQueries(adapter as unknown as SqliteConnection);
  const probe = createSqliteProbe({
    connect: () => (adapter.opts as unknown as { connect(): Promise<SqliteConnection> }).connect(),
  });
  // Every namespace's Keyv adds an error listener to the one shared adapter (removed below).
  adapter.setMaxListeners(namespaceNames.length + 2);
  const writeHealth = healthFor(options, file);
  const instances = createInstances(() => adapter, options.logger, writeHealth);
  // Each Keyv forwards adapter errors; with one shared adapter that would log
  // a connection failure five times. Log it once, here.
  adapter.removeAllListeners("error");
  // Only the first connection's failure arrives here (queries reject to their callers).
  adapter.on("error", (err: unknown) =>
    options.logger.error({ err, adapter: "sqlite" }, "store error"),
  );

  // Deleted rows are overwritten on disk, not left in free pages: /unlink erases for real. A
  // database that cannot be opened fails the first read right after, with the store's own error.
  await adapter
    .query("PRAGMA secure_delete = ON")
    .catch((err: unknown) => options.logger.warn({ err }, "could not turn on secure_delete"));
  // Opens the probe's connection now: the first /healthz should not pay for it.
  void probe.probe().catch(() => undefined);

  // SQL LIKE is case-insensitive and treats "_" as a wildcard: listRecords checks the prefix again.
  const list = (name: NamespaceName) =>
    listRecords(instances[name], name, adapter.iterator(name) as AsyncIterable<unknown>);

  return {
    description: `sqlite file ${file}`,
    writeHealth,
    keyv: (name) => instances[name],
    list,
    ping: () => probe.probe(),
    close: once(async () => {
      await probe.close();
      await adapter.disconnect();
    }),
  };
}

async function openWithAdapterPackage(
  options: OpenBackendOptions,
  scheme: string,
  packageName: string,
): Promise<Backend> {
  let loaded: { default?: unknown };
  try {
    loaded = await import(packageName);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw err;
    throw new StoreConfigError(
      `DATABASE_URL uses ${scheme}://, which needs the package ${packageName}: run npm install ${packageName}`,
      { cause: err },
    );
  }
  const Adapter = loaded.default as (new (uri: string) => KeyvStoreAdapter) | undefined;
  if (typeof Adapter !== "function") {
    throw new StoreConfigError(`${packageName} does not export a keyv adapter class`);
  }
  const writeHealth = healthFor(options, `the ${scheme} database`);
  const instances = createInstances(
    () => new Adapter(options.databaseUrl),
    options.logger,
    writeHealth,
  );
  return {
    description: `${scheme} database`,
    writeHealth,
    keyv: (name) => instances[name],
    async list(name) {
      const entries: ListedEntry[] = [];
      const iterator = instances[name].iterator;
      if (!iterator) throw new StoreConfigError(`${packageName} cannot list keys`);
      for await (const [key, value] of iterator(undefined)) entries.push({ key, value });
      return entries;
    },
    ping: async () => {
      await instances.meta.get("ping");
      return "ok";
    },
    close: once(async () => {
      await Promise.all(namespaceNames.map((name) => instances[name].disconnect()));
    }),
  };
}

async function openPostgresBackend(options: OpenBackendOptions): Promise<Backend> {
  // Loaded here, not at the top: a SQLite bot never loads pg (about 1 MB of heap and code).
  const { createPostgresAdapter, openPostgres } = await import("./postgres.js");
  const database = await openPostgres({ url: options.databaseUrl, logger: options.logger });
  const adapter = createPostgresAdapter(database);
  const writeHealth = healthFor(options, "the postgres database");
  // The adapter never emits "error": queries reject to their callers.
  const instances = createInstances(() => adapter, options.logger, writeHealth);
  return {
    description: "postgres database",
    writeHealth,
    keyv: (name) => instances[name],
    list: (name) => listRecords(instances[name], name, adapter.rows(`${name}:`)),
    postgres: database,
    // Postgres has no file lock to be busy on: a plain round trip says it answers.
    ping: async () => {
      await database.pool.query("SELECT 1");
      return "ok";
    },
    // One pool for every namespace: ended once, however many ask.
    close: () => database.end(),
  };
}

/**
 * Every unexpired record of a namespace from the adapter's raw rows
 * ([prefixed key, serialized value]); expired ones are deleted on the way.
 */
async function listRecords(
  keyv: Keyv,
  name: NamespaceName,
  rows: AsyncIterable<unknown>,
): Promise<ListedEntry[]> {
  const prefix = `${name}:`;
  const entries: ListedEntry[] = [];
  const expired: string[] = [];
  for await (const row of rows) {
    const [prefixed, raw] = row as [unknown, unknown];
    if (typeof prefixed !== "string" || !prefixed.startsWith(prefix)) continue;
    const key = prefixed.slice(prefix.length);
    try {
      if (typeof raw !== "string") throw new Error("record is not a string");
      const data = await keyv.deserializeData<unknown>(raw);
      if (data === undefined || data === null) throw new Error("record is empty");
      // keyv stamps its own TTL (`expires`) on the wall clock: only the wall clock can read it.
      if (typeof data.expires === "number" && data.expires < systemClock.wall()) expired.push(key);
      else entries.push({ key, value: data.value });
    } catch (error) {
      entries.push({ key, error });
    }
  }
  // Housekeeping: a database that cannot write now must not stop a start or a read.
  if (expired.length > 0) await keyv.delete(expired).catch(ignoreWriteFault);
  return entries;
}

function healthFor(options: OpenBackendOptions, database: string): StoreWriteHealth {
  return createStoreWriteHealth({
    logger: options.logger,
    database,
    ...(options.writeFaultRepeatMs !== undefined && { repeatMs: options.writeFaultRepeatMs }),
  });
}

/**
 * Debug only: with throwOnErrors every failure also reaches its caller, and
 * failed writes are the store-health tracker's to log, once per outage (at
 * error level, every line here would repeat per item and per poll).
 */
function logStoreError(logger: Logger, err: unknown, fields: Record<string, string>): void {
  logger.debug({ err, ...fields }, "store error");
}

function createInstances(
  adapterFor: (name: NamespaceName) => KeyvStoreAdapter,
  logger: Logger,
  writeHealth: StoreWriteHealth,
): Record<NamespaceName, Keyv> {
  const entries = namespaceNames.map((name) => {
    // throwOnErrors: otherwise keyv's get() swallows a failed query and
    // answers undefined, which would read as "not linked" and hide an outage.
    const keyv = new Keyv(adapterFor(name), { namespace: name, throwOnErrors: true });
    guardKeyvWrites(keyv, writeHealth);
    keyv.on("error", (err: unknown) => logStoreError(logger, err, { namespace: name }));
    return [name, keyv] as const;
  });
  return Object.fromEntries(entries) as Record<NamespaceName, Keyv>;
}

function ignoreWriteFault(err: unknown): void {
  if (!isStoreWriteError(err)) throw err;
}

function once(run: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= run();
    return done;
  };
}
