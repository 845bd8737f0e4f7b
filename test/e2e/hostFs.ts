/**
 * A real small file system for the data folder: a tmpfs the test mounts,
 * fills, remounts read-only and back. Needs root and mount(8); the tests that
 * use it are skipped (and say so) where the machine does not allow it.
 */
import { execFile, spawn } from "node:child_process";
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { KeyvSqlite } from "@keyv/sqlite";

const run = promisify(execFile);

export interface SmallDisk {
  dir: string;
  databaseFile: string;
  /** Writes a filler file until the file system is full. */
  fill(): Promise<void>;
  /** Deletes the filler. */
  free(): Promise<void>;
  readOnly(on: boolean): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountSmallDisk(sizeKb = 2048): Promise<SmallDisk> {
  const dir = await mkdtemp(path.join(tmpdir(), "ct-bot-disk-"));
  await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", dir]);
  const filler = path.join(dir, "filler.bin");
  return {
    dir,
    databaseFile: path.join(dir, "bot.sqlite"),
    async fill() {
      for (const size of [65_536, 4_096, 512, 1]) {
        const chunk = Buffer.alloc(size);
        for (;;) {
          try {
            await appendFile(filler, chunk);
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === "ENOSPC") break;
            throw err;
          }
        }
      }
    },
    free: () => rm(filler, { force: true }),
    async readOnly(on) {
      await run("mount", ["-o", `remount,${on ? "ro" : "rw"}`, dir]);
    },
    async unmount() {
      await run("umount", ["-l", dir]).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Whether this machine lets the test mount a tmpfs (root in a privileged enough container). */
export async function canMountTmpfs(): Promise<boolean> {
  try {
    const disk = await mountSmallDisk(64);
    await disk.unmount();
    return true;
  } catch {
    return false;
  }
}

/**
 * Another program holding the database's lock (BEGIN EXCLUSIVE: nobody else
 * reads or writes; IMMEDIATE: others still read), in a process of its own
 * using sqlite3 directly, as a backup tool would: in this process its blocked
 * queries would share the bot's thread pool and slow the test's own timers.
 */
export async function holdLock(
  file: string,
  mode: "EXCLUSIVE" | "IMMEDIATE" = "EXCLUSIVE",
): Promise<{ release(): Promise<void> }> {
  const script = `
    import sqlite3 from "sqlite3";
    const db = new sqlite3.Database(process.argv[1]);
    db.configure("busyTimeout", 10000);
    const run = (sql) => new Promise((ok, fail) => db.exec(sql, (e) => (e ? fail(e) : ok())));
    await run("BEGIN ${mode}");
    process.stdout.write("locked\\n");
    process.stdin.once("data", async () => {
      await run("COMMIT");
      db.close(() => {
        process.stdout.write("released\\n");
        process.exit(0);
      });
    });`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script, file], {
    cwd: path.join(import.meta.dirname, "../.."),
    stdio: ["pipe", "pipe", "inherit"],
  });
  const said = (word: string) =>
    new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        if (String(chunk).includes(word)) {
          child.stdout.off("data", onData);
          resolve();
        }
      };
      child.stdout.on("data", onData);
      child.once("exit", (code) =>
        reject(new Error(`lock holder exited (${code}) before "${word}"`)),
      );
    });
  await said("locked");
  let released: Promise<void> | undefined;
  return {
    release() {
      released ??= (async () => {
        const done = said("released");
        child.stdin.write("go\n");
        await done;
      })();
      return released;
    },
  };
}

/** A second connection to the database file, as another program (a backup tool) would hold it. */
export function secondConnection(file: string) {
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
  const query = (sql: string) => adapter.query(sql) as Promise<Record<string, unknown>[]>;
  return {
    query,
    async integrity(): Promise<string> {
      const rows = await query("PRAGMA integrity_check");
      return String(Object.values(rows[0] ?? {})[0]);
    },
    close: () => adapter.disconnect(),
  };
}

export interface HealthSample {
  /** When the request was sent (monotonic ms). */
  sentMs: number;
  /** When the whole answer had arrived. */
  atMs: number;
  status: number;
  body: Record<string, unknown>;
}

export async function health(port: number): Promise<HealthSample> {
  const sentMs = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  const body = (await res.json()) as never;
  return { sentMs, atMs: performance.now(), status: res.status, body };
}

/** Samples /healthz every `everyMs` until stopped: the status timeline of a test. */
export function recordHealth(port: number, everyMs = 500) {
  const samples: HealthSample[] = [];
  const started = performance.now();
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const sentMs = performance.now();
      samples.push(
        await health(port).catch(() => ({ sentMs, atMs: performance.now(), status: 0, body: {} })),
      );
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    samples,
    /** "0.0-3.5 s 200, 4.0-9.5 s 503, ..." relative to the start. */
    async stop(): Promise<string> {
      stopped = true;
      await loop;
      const runs: { from: number; to: number; status: number }[] = [];
      for (const s of samples) {
        const t = (s.atMs - started) / 1000;
        const last = runs.at(-1);
        if (last && last.status === s.status) last.to = t;
        else runs.push({ from: t, to: t, status: s.status });
      }
      return runs.map((r) => `${r.from.toFixed(1)}-${r.to.toFixed(1)} s ${r.status}`).join(", ");
    },
  };
}
