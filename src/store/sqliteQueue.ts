/**
 * One SQLite query at a time per connection, and a health probe on a
 * connection of its own that never waits on a lock.
 *
 * Why one at a time: node-sqlite3 runs each query on libuv's thread pool, and
 * a query that meets another program's lock sleeps in SQLite's busy handler
 * while holding the connection's mutex. Every other query of that connection
 * then blocks a pool thread on the mutex, and worse, the main thread blocks
 * too: node-sqlite3 finalizes statements on the main thread, and
 * sqlite3_finalize takes the same mutex. With queries in parallel a held lock
 * froze the event loop for seconds at a time (/healthz, the gateway's
 * heartbeat and the tracker client with it). Queued here, at most one pool
 * thread waits on a lock and the main thread never waits for the mutex.
 */
import { faultKindOf } from "./writeErrors.js";

export interface SqliteConnection {
  query(sql: string, ...params: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/** Replaces the connection's query and close with ones that run one after the other, in order. */
export function queueQueries(connection: SqliteConnection): void {
  const query = connection.query.bind(connection);
  const close = connection.close.bind(connection);
  let tail: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
  connection.query = (sql, ...params) => enqueue(() => query(sql, ...params));
  connection.close = () => enqueue(close);
}

export type ProbeAnswer = "ok" | "busy";

export interface SqliteProbe {
  /**
   * "busy" when another program holds a lock that would make the bot's writes
   * wait; "ok" when the database answers. Rejects on any other failure.
   */
  probe(): Promise<ProbeAnswer>;
  close(): Promise<void>;
}

export interface SqliteProbeOptions {
  /** Opens a new connection to the same file (the adapter's own connect()). */
  connect: () => Promise<SqliteConnection>;
  /** How long the probe may wait on a lock before it says "busy". Default 100 ms. */
  busyTimeoutMs?: number;
}

/**
 * Its own connection, so it never queues behind the bot's queries that wait
 * out their 5 s busy timeout; one probe at a time (callers share the answer
 * in flight), so its statements never meet each other on the mutex either.
 */
export function createSqliteProbe(options: SqliteProbeOptions): SqliteProbe {
  const busyTimeoutMs = options.busyTimeoutMs ?? 100;
  let connection: Promise<SqliteConnection> | undefined;
  let running: Promise<ProbeAnswer> | undefined;
  let closed = false;

  const open = (): Promise<SqliteConnection> => {
    connection ??= (async () => {
      const opened = await options.connect();
      await opened.query(`PRAGMA busy_timeout = ${Math.max(0, Math.round(busyTimeoutMs))}`);
      return opened;
    })().catch((err: unknown) => {
      // The next probe tries again (the folder may become readable).
      connection = undefined;
      throw err;
    });
    return connection;
  };

  const once = async (): Promise<ProbeAnswer> => {
    if (closed) throw new Error("store probe closed");
    const db = await open();
    try {
      // The write lock the bot's writes need, taken and given back at once: nothing is written.
      await db.query("BEGIN IMMEDIATE");
    } catch (err) {
      if (faultKindOf(err) === "locked") return "busy";
      // Read-only or similar: the bot's writes report that themselves; can it still read?
      return read(db);
    }
    await db.query("ROLLBACK");
    return "ok";
  };

  return {
    probe() {
      running ??= once().finally(() => {
        running = undefined;
      });
      return running;
    },
    async close() {
      closed = true;
      await running?.catch(() => undefined);
      const db = await connection?.catch(() => undefined);
      await db?.close().catch(() => undefined);
    },
  };
}

async function read(db: SqliteConnection): Promise<ProbeAnswer> {
  try {
    await db.query("SELECT count(*) FROM sqlite_master");
    return "ok";
  } catch (err) {
    if (faultKindOf(err) === "locked") return "busy";
    throw err;
  }
}
