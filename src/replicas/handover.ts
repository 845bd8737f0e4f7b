/**
 * The make-before-break hand-over on SIGTERM, told through three short-lived
 * rows in the leases table (flags, not fenced leases): the holder asks
 * ("serve:handover"), one standby takes the successor's role ("serve:next")
 * and connects, then says it is ready ("serve:ready"); the holder transfers
 * the serve lease to it by name and exits.
 */
import type pg from "pg";
import type { Clock } from "../util/clock.js";
import type { Logger } from "../log.js";
import { safeError } from "../store/postgres.js";
import type { Leases } from "./leases.js";

const handoverLease = "serve:handover";
const nextLease = "serve:next";
const readyLease = "serve:ready";
const handoverTtlMs = 20_000;

export interface Handover {
  /** Standby: a holder asked for a hand-over and this instance took the successor's role. */
  chosen(): Promise<boolean>;
  /** Holder: asks; true once a standby took the successor's role and is connected. */
  ask(waitMs: number): Promise<boolean>;
  /** Successor: connected; tells the holder it may let go. */
  ready(): Promise<void>;
  /** The other side: the holder handing over (for the successor), or the successor (for the holder). */
  peer(): string | undefined;
  /** Successor: clears its role's flags, the lease taken or the wait over. */
  endSuccession(): Promise<void>;
  /** Holder: clears the request, the lease let go. */
  endRequest(): Promise<void>;
}

export interface HandoverOptions {
  pool: pg.Pool;
  leases: Leases;
  clock: Clock;
  logger: Logger;
  /** How often a standby looks; a holder waits a few of these for a successor. */
  pollMs: number;
}

export function createHandover(options: HandoverOptions): Handover {
  const { pool, leases, clock, logger, pollMs } = options;
  let peer: string | undefined;

  /** Ends a flag row now, whoever set it. */
  async function expire(name: string): Promise<void> {
    await pool
      .query("UPDATE leases SET expires_at = now() WHERE name = $1 AND expires_at > now()", [name])
      .catch(() => undefined);
  }

  return {
    async chosen() {
      try {
        peer = await leases.holderOf(handoverLease);
        if (peer === undefined) return false;
        return (await leases.claim(nextLease, handoverTtlMs)) !== undefined;
      } catch (err) {
        logger.warn({ err: safeError(err) }, "could not read the hand-over state");
        return false;
      }
    },
    async ask(waitMs) {
      await leases.claim(handoverLease, handoverTtlMs);
      // No standby takes the successor's role within a few of its polls: none is running.
      const taken = await waitUntil(clock, Math.min(waitMs, pollMs * 4), async () => {
        peer = await leases.holderOf(nextLease);
        return peer !== undefined;
      });
      return (
        taken &&
        (await waitUntil(clock, waitMs, () =>
          leases.holderOf(readyLease).then((h) => h !== undefined),
        ))
      );
    },
    async ready() {
      await leases.claim(readyLease, handoverTtlMs);
    },
    peer: () => peer,
    async endSuccession() {
      await Promise.all([nextLease, readyLease].map((name) => expire(name)));
    },
    async endRequest() {
      await expire(handoverLease);
    },
  };
}

/** Asks `check` every 100 ms until it says true (true) or `ms` passed (false). */
export async function waitUntil(
  clock: Clock,
  ms: number,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const until = clock.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (clock.now() >= until) return false;
    await new Promise<void>((resolve) => clock.setTimer(100, resolve));
  }
}
