/**
 * One process per SQLite file. A second bot on the same file would poll and
 * post on its own (SQLite has no leases): it must refuse to start instead.
 *
 * The lock is SQLite's own file lock on `<file>.lock`, taken in EXCLUSIVE
 * locking mode by a write and held until the connection closes. It is an
 * operating-system lock (fcntl), so the kernel drops it when the holder dies,
 * even by SIGKILL: no stale file can keep a new start out, and no pid can be
 * reused into a false "still running". A paused (SIGSTOPped) holder still
 * holds it. Who holds it is written beside it, in `<file>.lock.holder`, for
 * the message only: that file may be stale, the lock never is.
 */
import { readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import sqlite3 from "sqlite3";

export class InstanceLockedError extends Error {
  override readonly name = "InstanceLockedError";
}

export interface InstanceLock {
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export async function lockSqliteFile(file: string): Promise<InstanceLock> {
  const lockFile = `${file}.lock`;
  const holderFile = `${file}.lock.holder`;
  const db = await openDatabase(lockFile);
  try {
    // busy_timeout 0: a held lock answers SQLITE_BUSY at once instead of waiting.
    await run(db, "PRAGMA busy_timeout = 0");
    await run(db, "PRAGMA locking_mode = EXCLUSIVE");
    await run(db, "CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY, pid INTEGER)");
    // The write takes the EXCLUSIVE lock, which locking_mode keeps until close.
    await run(db, "INSERT OR REPLACE INTO holder (id, pid) VALUES (1, ?)", process.pid);
  } catch (err) {
    await close(db).catch(() => undefined);
    if (!isBusy(err)) throw err;
    throw new InstanceLockedError(await lockedMessage(file, holderFile), { cause: err });
  }
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  await writeFile(holderFile, `${JSON.stringify(holder)}\n`);
  let released: Promise<void> | undefined;
  return {
    release() {
      // The holder file first: once the lock is free, the file may be the next holder's.
      released ??= rm(holderFile, { force: true }).then(() => close(db));
      return released;
    },
  };
}

async function lockedMessage(file: string, holderFile: string): Promise<string> {
  const holder = await readHolder(holderFile);
  const who = holder
    ? `process ${holder.pid} on host ${holder.host}, running since ${holder.since}`
    : "another process";
  return `the data file ${file} is in use by ${who}: only one bot may run on a SQLite file (stop the other one first, or use a shared Postgres database to run several instances)`;
}

async function readHolder(holderFile: string): Promise<Holder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(holderFile, "utf8")) as Partial<Holder>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return undefined;
    return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? "an unknown time") };
  } catch {
    return undefined;
  }
}

function isBusy(err: unknown): boolean {
  const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

function openDatabase(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(db)));
  });
}

function run(db: sqlite3.Database, sql: string, ...params: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    db.run(sql, params, (err) => (err ? reject(err) : resolve()));
  });
}

function close(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
}
