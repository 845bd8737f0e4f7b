/**
 * Who serves: one lease, "serve", held by one live instance at a time. Its
 * holder connects every gateway shard, answers interactions and polls every
 * followed source; the others stand by and claim it once it expires or is
 * released. One lease for all because discord.js cannot add a shard to a
 * logged-in client, and the store keeps subscriptions and the outbox in
 * memory: a holder opens the store when it takes over, so it starts from
 * everything the last holder wrote.
 *
 * Renewed every renewMs, well inside ttlMs. Locally the lease counts as lost
 * at (start of the last successful renewal + ttlMs), on the monotonic clock:
 * never later than the database's expiry, so a paused holder stops before
 * anyone else can start. Acts are fenced in SQL (fence, claimInteraction).
 */
import type pg from "pg";
import type { Clock } from "../util/clock.js";
import type { Logger } from "../log.js";
import { safeError } from "../store/postgres.js";
import { createHandover, waitUntil } from "./handover.js";
import { createLeases, holdsLease, type LeaseProof } from "./leases.js";

export const serveLease = "serve";

export interface LeadershipOptions {
  pool: pg.Pool;
  holder: string;
  logger: Logger;
  clock: Clock;
  ttlMs: number;
  renewMs: number;
}

export interface LeadershipStatus {
  role: "serving" | "standby";
  holder: string;
  /** Times this instance took the lease over from another holder. */
  takeovers: number;
}

/** What a standby got: the lease itself, or the role of successor in a hand-over. */
export type Acquired = { kind: "lease"; lost: Promise<string> } | { kind: "successor" };

export interface Leadership {
  /** Waits (standing by) until this instance holds the lease or is chosen as successor. */
  acquire(signal: AbortSignal): Promise<Acquired>;
  /** Holder, on SIGTERM: asks a standby to connect; true once one is connected and ready. */
  handOver(waitMs: number): Promise<boolean>;
  /** Successor: connected; tells the holder it may let go. */
  successorReady(): Promise<void>;
  /** Successor: claims the lease as soon as the holder lets go (within waitMs). */
  takeFromHolder(waitMs: number): Promise<{ lost: Promise<string> } | undefined>;
  /** Whether the lease is held and its local deadline not passed. */
  held(): boolean;
  /** The database confirms the lease is still ours (checked before each post). */
  fence(): Promise<boolean>;
  /**
   * `holdsLease`'s parameters while the lease is held by the local deadline, for a statement that
   * acts under it (the database still decides); undefined once it is not.
   */
  proof(): LeaseProof | undefined;
  /** True for exactly one instance per interaction id, and only under a held lease. */
  claimInteraction(id: string): Promise<boolean>;
  /** Lets go of the lease at once (SIGTERM), so a standby takes over without waiting for expiry. */
  release(): Promise<void>;
  status(): LeadershipStatus;
}

interface Term {
  token: string;
  deadline: number;
  cancelTimer: () => void;
  cancelDeadline: () => void;
  lose(reason: string): void;
}

export function createLeadership(options: LeadershipOptions): Leadership {
  const { pool, holder, logger, clock, ttlMs, renewMs } = options;
  const leases = createLeases(pool, holder);
  // Often: after a SIGTERM hand-over the gap is this plus the start of the bot.
  const standbyPollMs = Math.min(renewMs, 500);
  const handover = createHandover({ pool, leases, clock, logger, pollMs: standbyPollMs });
  let term: Term | undefined;
  let takeovers = 0;
  let renewals = 0;

  const held = () => term !== undefined && clock.now() < term.deadline;
  const proof = (): LeaseProof | undefined =>
    term && held() ? [serveLease, holder, term.token] : undefined;

  function endTerm(reason: string): void {
    const current = term;
    if (!current) return;
    term = undefined;
    current.cancelTimer();
    current.cancelDeadline();
    current.lose(reason);
  }

  async function renewOnce(current: Term): Promise<void> {
    const started = clock.now();
    if (started >= current.deadline) return endTerm("the lease expired before it could be renewed");
    try {
      if (await leases.renew(serveLease, current.token, ttlMs)) {
        current.deadline = started + ttlMs;
        armDeadline(current);
      } else return endTerm("the lease was taken or had expired in the database");
    } catch (err) {
      logger.warn({ err: safeError(err) }, "could not renew the lease; trying again");
    }
    if (term !== current) return;
    renewals += 1;
    if (renewals % 1000 === 0) forgetOldClaims();
    current.cancelTimer = clock.setTimer(renewMs, () => void renewOnce(current));
  }

  /** Ends the term at its local deadline, even while a renewal hangs on the database. */
  function armDeadline(current: Term): void {
    current.cancelDeadline();
    current.cancelDeadline = clock.setTimer(current.deadline - clock.now(), () => {
      if (term === current && clock.now() >= current.deadline)
        endTerm("the lease could not be renewed in time");
    });
  }

  /** Housekeeping, on each new term and every 1000 renewals: a claim a day old guards nothing. */
  function forgetOldClaims(): void {
    void pool
      .query("DELETE FROM interaction_claims WHERE claimed_at < now() - interval '1 day'")
      .catch(() => undefined);
  }

  /** Claims the lease; `handedOverBy`: the holder that transferred it to us by name. */
  async function tryClaim(handedOverBy?: string): Promise<{ lost: Promise<string> } | undefined> {
    const started = clock.now();
    const claimed = await leases.claim(serveLease, ttlMs).catch((err: unknown) => {
      logger.warn({ err: safeError(err) }, "could not reach the database to claim the lease");
      return undefined;
    });
    if (!claimed) return undefined;
    let lose: (reason: string) => void = () => undefined;
    const lost = new Promise<string>((resolve) => {
      lose = resolve;
    });
    const current: Term = {
      token: claimed.token,
      deadline: started + ttlMs,
      cancelTimer: () => undefined,
      cancelDeadline: () => undefined,
      lose,
    };
    term = current;
    armDeadline(current);
    const from = handedOverBy ?? claimed.previous;
    if (from !== undefined) {
      takeovers += 1;
      const how = handedOverBy !== undefined ? " (hand-over)" : "";
      logger.info(
        { lease: serveLease, from, token: claimed.token },
        `took over the gateway, interactions and polling from ${from}${how}`,
      );
    } else
      logger.info(
        { lease: serveLease, token: claimed.token },
        "holding the gateway, interactions and polling",
      );
    current.cancelTimer = clock.setTimer(renewMs, () => void renewOnce(current));
    forgetOldClaims();
    return { lost };
  }

  return {
    async acquire(signal) {
      for (;;) {
        signal.throwIfAborted();
        const won = await tryClaim();
        if (won) return { kind: "lease", ...won };
        if (await handover.chosen()) return { kind: "successor" };
        await sleep(clock, standbyPollMs, signal);
      }
    },
    async handOver(waitMs) {
      if (!term) return false;
      return await handover.ask(waitMs);
    },
    successorReady: () => handover.ready(),
    async takeFromHolder(waitMs) {
      let won: { lost: Promise<string> } | undefined;
      // The holder transfers the lease to us by name: the claim finds it ours.
      await waitUntil(clock, waitMs, async () => {
        if ((await leases.holderOf(serveLease)) !== holder) return false;
        won = await tryClaim(handover.peer() ?? "the last holder");
        return won !== undefined;
      });
      await handover.endSuccession();
      return won;
    },
    held,
    proof,
    async fence() {
      const lease = proof();
      if (!lease) return false;
      const result = await pool.query(`SELECT ${holdsLease} AS ok`, [...lease]);
      return result.rows[0]?.ok === true;
    },
    async claimInteraction(id) {
      const lease = proof();
      if (!lease) return false;
      const result = await pool.query(
        `INSERT INTO interaction_claims (id, holder) SELECT $4, $2 WHERE ${holdsLease}
         ON CONFLICT (id) DO NOTHING`,
        [...lease, id],
      );
      return result.rowCount === 1;
    },
    async release() {
      const current = term;
      if (!current) return;
      endTerm("released");
      const to = handover.peer();
      if (to !== undefined && (await leases.transfer(serveLease, current.token, to, ttlMs))) {
        logger.info({ lease: serveLease, to }, `handed the lease over to ${to}`);
      } else {
        await leases.release(serveLease, current.token);
        logger.info({ lease: serveLease }, "released the lease for the next instance");
      }
      await handover.endRequest();
    },
    status: () => ({ role: held() ? "serving" : "standby", holder, takeovers }),
  };
}

function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancel = clock.setTimer(ms, () => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
    const onAbort = () => {
      cancel();
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
