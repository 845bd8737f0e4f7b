/**
 * TRACKER_MAX_REQUESTS_PER_MINUTE for all instances together: every request
 * start is also counted in a shared sliding window in Postgres (taken under an
 * advisory lock, so two instances cannot both take the last slot), and a 429
 * sets a shared pause every instance waits out. Only the serving instance
 * reads the tracker, but its successor must count what the last holder spent
 * in the same minute. The local budget still paces and orders the requests.
 * A start is counted only under the serve lease, proven in the statement that counts it: an
 * instance resumed after its lease expired reads nothing (LeaseLostError), not even once.
 */
import type pg from "pg";
import type { Clock } from "../util/clock.js";
import type { Logger } from "../log.js";
import { safeError } from "../store/postgres.js";
import type { RequestBudget } from "../tracker/budget.js";
import { LeaseLostError } from "./hooks.js";
import { holdsLease, type LeaseProof } from "./leases.js";

export interface SharedBudgetOptions {
  pool: pg.Pool;
  perMinute: number;
  clock: Clock;
  logger: Logger;
  /** The window; 60 s (tests shorten it). */
  windowMs?: number;
  /** Pause after a 429 without Retry-After (the local budget's default). */
  pauseMs?: number;
  /** The serve lease's proof while held (Leadership.proof). */
  proof: () => LeaseProof | undefined;
}

export function shareBudget(local: RequestBudget, options: SharedBudgetOptions): RequestBudget {
  const { pool, clock, logger } = options;
  const windowMs = options.windowMs ?? 60_000;
  const reserve = async (): Promise<void> => {
    for (;;) {
      const lease = options.proof();
      if (!lease)
        throw new LeaseLostError("this instance no longer holds the serve lease: not reading");
      const waitMs = await tryReserve(pool, options.perMinute, windowMs, lease).catch(
        (err: unknown) => {
          if (err instanceof LeaseLostError) throw err;
          // Held by the local deadline (never later than the database's expiry): the lease needs
          // the same database, so it will be lost soon if this lasts.
          logger.warn({ err: safeError(err) }, "could not count the request in the shared budget");
          return 0;
        },
      );
      if (waitMs <= 0) return;
      await new Promise<void>((resolve) => clock.setTimer(Math.min(waitMs, windowMs), resolve));
    }
  };
  return {
    async acquire(priority) {
      await local.acquire(priority);
      await reserve();
    },
    rateLimited(retryAfterMs) {
      local.rateLimited(retryAfterMs);
      const ms = retryAfterMs ?? options.pauseMs ?? 30_000;
      void pool
        .query(
          `INSERT INTO tracker_pause (id, until) VALUES (1, now() + $1 * interval '1 millisecond')
           ON CONFLICT (id) DO UPDATE SET until = GREATEST(tracker_pause.until, excluded.until)`,
          [ms],
        )
        .catch((err: unknown) =>
          logger.warn({ err: safeError(err) }, "could not share the 429 pause"),
        );
    },
    snapshot: () => local.snapshot(),
  };
}

/** 0 when a slot was taken; else how long to wait (database time) before asking again. */
async function tryReserve(
  pool: pg.Pool,
  perMinute: number,
  windowMs: number,
  lease: LeaseProof,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtext('ct-bot tracker budget'))");
    const { rows } = await client.query(
      `SELECT
         (SELECT count(*)::int FROM tracker_requests WHERE at > now() - $1 * interval '1 millisecond') AS n,
         (SELECT extract(epoch FROM min(at) + $1 * interval '1 millisecond' - now()) * 1000
            FROM tracker_requests WHERE at > now() - $1 * interval '1 millisecond') AS free_in_ms,
         (SELECT extract(epoch FROM until - now()) * 1000 FROM tracker_pause WHERE id = 1 AND until > now()) AS paused_ms`,
      [windowMs],
    );
    const row = rows[0] as { n: number; free_in_ms: number | null; paused_ms: number | null };
    let wait = 0;
    if (row.paused_ms !== null) wait = Math.ceil(Number(row.paused_ms));
    else if (row.n >= perMinute) wait = Math.max(1, Math.ceil(Number(row.free_in_ms ?? 1)));
    else {
      const counted = await client.query(
        `INSERT INTO tracker_requests (at) SELECT now() WHERE ${holdsLease}`,
        [...lease],
      );
      if (counted.rowCount !== 1)
        throw new LeaseLostError("this instance no longer holds the serve lease: not reading");
      await client.query(
        "DELETE FROM tracker_requests WHERE at < now() - $1 * interval '2 millisecond'",
        [windowMs],
      );
    }
    await client.query("COMMIT");
    return wait;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
