/** The tracker budget shared through a real PostgreSQL: one window and one 429 pause for all instances. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { systemClock } from "../../src/util/clock.js";
import { silentLogger } from "../../src/log.js";
import { shareBudget } from "../../src/replicas/budget.js";
import { LeaseLostError } from "../../src/replicas/hooks.js";
import type { LeaseProof } from "../../src/replicas/leases.js";
import { openPostgres, type PostgresDatabase } from "../../src/store/postgres.js";
import { createRequestBudget } from "../../src/tracker/budget.js";
import { startPostgres, type TestPostgres } from "../fakes/postgres.js";

let server: TestPostgres;
const databases: PostgresDatabase[] = [];
beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterAll(async () => {
  await Promise.all(databases.map((d) => d.end()));
  await server?.stop();
});

/** The serve lease, held by "holder" (token 1) for an hour: both instances count under it. */
const lease: LeaseProof = ["serve", "holder", "1"];

async function instanceBudget(
  url: string,
  perMinute: number,
  windowMs: number,
  proof: () => LeaseProof | undefined = () => lease,
) {
  const database = await openPostgres({ url, logger: silentLogger(), max: 2 });
  databases.push(database);
  await database.pool.query(
    `INSERT INTO leases (name, holder, token, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')
     ON CONFLICT (name) DO NOTHING`,
    [...lease],
  );
  // The local budget allows far more: only the shared window can hold the requests back.
  const local = createRequestBudget({ perMinute: 6000, clock: systemClock });
  return shareBudget(local, {
    pool: database.pool,
    perMinute,
    clock: systemClock,
    logger: silentLogger(),
    windowMs,
    proof,
  });
}

it("two instances together start no more than the budget within one window", async () => {
  const url = await server.newDatabase();
  const [a, b] = await Promise.all([instanceBudget(url, 6, 3_000), instanceBudget(url, 6, 3_000)]);
  const started: number[] = [];
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? a : b).acquire("background").then(() => started.push(Date.now() - t0)),
    ),
  );
  expect(started).toHaveLength(12);
  // The window is the database's: read the starts it counted, on its clock.
  const client = await server.client(url);
  const rows = (
    await client.query(
      "SELECT extract(epoch FROM at) * 1000 AS ms FROM tracker_requests ORDER BY at",
    )
  ).rows.map((row) => Number(row.ms));
  await client.end();
  expect(rows).toHaveLength(12);
  // Never a seventh start within 3 s of six others, from either instance.
  for (let i = 6; i < 12; i++) expect(rows[i]! - rows[i - 6]!).toBeGreaterThanOrEqual(3_000);
  // The first six did not wait for each other.
  expect(rows[5]! - rows[0]!).toBeLessThan(2_000);
}, 30_000);

it("a 429 seen by one instance pauses the other", async () => {
  const url = await server.newDatabase();
  const [a, b] = await Promise.all([
    instanceBudget(url, 100, 60_000),
    instanceBudget(url, 100, 60_000),
  ]);
  await b.acquire("background");
  a.rateLimited(1_500);
  await new Promise((r) => setTimeout(r, 200));
  const t0 = Date.now();
  await b.acquire("background");
  expect(Date.now() - t0).toBeGreaterThanOrEqual(1_100);
}, 30_000);

it("counts and allows a start only under the serve lease, proven in the counting statement", async () => {
  const url = await server.newDatabase();
  const [holder, gone] = await Promise.all([
    instanceBudget(url, 100, 60_000),
    instanceBudget(url, 100, 60_000, () => undefined),
  ]);
  await holder.acquire("background");
  // Not held by its own deadline: refused without asking the database.
  await expect(gone.acquire("background")).rejects.toBeInstanceOf(LeaseLostError);
  // Held by its deadline, but the database says the lease expired (a resumed, paused holder).
  const client = await server.client(url);
  await client.query("UPDATE leases SET expires_at = now() WHERE name = 'serve'");
  await expect(holder.acquire("background")).rejects.toBeInstanceOf(LeaseLostError);
  const counted = (await client.query("SELECT count(*)::int AS n FROM tracker_requests")).rows[0];
  await client.end();
  expect(counted).toEqual({ n: 1 });
}, 30_000);
