/** The serve lease on a real PostgreSQL: one holder, takeover on release and on expiry, fencing. */
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { systemClock } from "../../src/util/clock.js";
import { createLeadership } from "../../src/replicas/leadership.js";
import { openPostgres, type PostgresDatabase } from "../../src/store/postgres.js";
import { startPostgres, type TestPostgres } from "../fakes/postgres.js";
import { captureLogger } from "../store/helpers.js";

let server: TestPostgres;
const databases: PostgresDatabase[] = [];
const aborts: AbortController[] = [];

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterEach(async () => {
  for (const a of aborts.splice(0)) a.abort();
  await Promise.all(databases.splice(0).map((d) => d.end()));
});
afterAll(async () => {
  await server?.stop();
});

async function instance(url: string, holder: string, ttlMs: number, renewMs: number) {
  const { logger, lines } = captureLogger();
  const database = await openPostgres({ url, logger, max: 2 });
  databases.push(database);
  const leadership = createLeadership({
    pool: database.pool,
    holder,
    logger,
    clock: systemClock,
    ttlMs,
    renewMs,
  });
  const abort = new AbortController();
  aborts.push(abort);
  return { leadership, lines, signal: abort.signal };
}

const within = <T>(work: Promise<T>, ms: number, what: string) =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms),
    ),
  ]);

describe("serve lease", () => {
  it("one holder at a time; a release hands over at once, with one takeover line naming the last holder", async () => {
    const url = await server.newDatabase();
    const a = await instance(url, "a", 3_000, 1_000);
    const b = await instance(url, "b", 3_000, 1_000);
    await a.leadership.acquire(a.signal);
    let bHolds = false;
    const bWaits = b.leadership.acquire(b.signal).then((won) => {
      bHolds = true;
      return won;
    });
    // Longer than the TTL: a renewing holder keeps it.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(bHolds).toBe(false);
    expect(a.leadership.held()).toBe(true);
    expect(await a.leadership.fence()).toBe(true);
    expect(await a.leadership.claimInteraction("i1")).toBe(true);
    expect(await a.leadership.claimInteraction("i1")).toBe(false);
    expect(await b.leadership.claimInteraction("i2")).toBe(false);

    await a.leadership.release();
    await within(bWaits, 2_500, "b takes over after a's release");
    expect(await a.leadership.fence()).toBe(false);
    expect(await a.leadership.claimInteraction("i3")).toBe(false);
    expect(await b.leadership.claimInteraction("i3")).toBe(true);
    expect(await b.leadership.claimInteraction("i1")).toBe(false);
    const takeovers = b.lines.filter((l) => /^took over/.test(l.msg));
    expect(takeovers).toHaveLength(1);
    expect(takeovers[0]).toMatchObject({ from: "a" });
    expect(b.leadership.status()).toMatchObject({ role: "serving", takeovers: 1 });
    expect(a.leadership.status()).toMatchObject({ role: "standby" });
  }, 30_000);

  it("a holder whose renewals hang loses it by its own deadline, and the database lets another take it only after expiry", async () => {
    const url = await server.newDatabase();
    const a = await instance(url, "a", 1_500, 300);
    const b = await instance(url, "b", 1_500, 200);
    const acquired = await a.leadership.acquire(a.signal);
    if (acquired.kind !== "lease") throw new Error("a should hold the lease");
    const { lost } = acquired;
    // Another session locks the lease row: a's renewals (and b's claims) wait on it, as on a
    // database that stopped answering.
    const blocker = await server.client(url);
    // A failed assertion must not leave the row locked or the connection open at the server's stop.
    blocker.on("error", () => undefined);
    onTestFinished(() => blocker.end().catch(() => undefined));
    await blocker.query("BEGIN");
    await blocker.query("SELECT * FROM leases WHERE name = 'serve' FOR UPDATE");
    const bWon = b.leadership.acquire(b.signal);
    // Aborted by afterEach when the test ends early: not an unhandled rejection.
    bWon.catch(() => undefined);
    // The deadline is 1.5 s after the last renewal began; the rest is room for a loaded machine
    // (its timers fire late), not part of the promise.
    const reason = await within(lost, 10_000, "a notices the lost lease");
    expect(reason).toMatch(/in time/);
    expect(a.leadership.held()).toBe(false);
    expect(await a.leadership.claimInteraction("x")).toBe(false);
    await blocker.query("COMMIT");
    await within(bWon, 10_000, "b takes over after expiry");
    expect(await a.leadership.fence()).toBe(false);
    expect(await b.leadership.fence()).toBe(true);
    expect(await b.leadership.claimInteraction("x")).toBe(true);
  }, 30_000);

  it("among racing instances exactly one holds the lease, and an interaction is claimed once", async () => {
    const url = await server.newDatabase();
    const all = await Promise.all(["a", "b", "c"].map((h) => instance(url, h, 5_000, 1_000)));
    const first = await Promise.race(all.map((i) => i.leadership.acquire(i.signal).then(() => i)));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(all.filter((i) => i.leadership.held())).toEqual([first]);
    const claims = await Promise.all(
      all.flatMap((i) => [1, 2, 3].map(() => i.leadership.claimInteraction("same"))),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  }, 30_000);

  it("a SIGTERM hand-over: one standby becomes successor, the lease is transferred to it by name, one takeover line", async () => {
    const url = await server.newDatabase();
    const a = await instance(url, "a", 3_000, 500);
    const b = await instance(url, "b", 3_000, 500);
    await a.leadership.acquire(a.signal);
    const bRole = b.leadership.acquire(b.signal);
    const asked = a.leadership.handOver(10_000);
    expect(await within(bRole, 5_000, "b becomes successor")).toEqual({ kind: "successor" });
    await b.leadership.successorReady();
    expect(await within(asked, 5_000, "a hears b is ready")).toBe(true);
    // Still a's until it lets go: b's wait claims nothing before the transfer.
    expect(await b.leadership.claimInteraction("before")).toBe(false);
    const taken = b.leadership.takeFromHolder(5_000);
    await a.leadership.release();
    expect(await within(taken, 5_000, "b takes the transferred lease")).toBeDefined();
    expect(a.leadership.held()).toBe(false);
    expect(await a.leadership.fence()).toBe(false);
    expect(await b.leadership.fence()).toBe(true);
    expect(a.lines.map((l) => l.msg)).toContain("handed the lease over to b");
    // One line, naming the hand-over and the last holder; no "holding" line first.
    const served = b.lines.filter((l) => /^(took over|holding)/.test(l.msg));
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({
      from: "a",
      msg: "took over the gateway, interactions and polling from a (hand-over)",
    });
    expect(b.leadership.status()).toMatchObject({ role: "serving", takeovers: 1 });
  }, 30_000);
});
