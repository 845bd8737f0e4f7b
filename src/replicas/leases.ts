/**
 * Leases in Postgres: a row (name, holder, token, expires_at) claimed with
 * INSERT ... ON CONFLICT ... WHERE expired. Expiry is judged by the
 * DATABASE's clock (now()), so no host's clock matters; the token rises on
 * every change of holder and is the fencing token a holder proves in the
 * statement that acts.
 */
import type pg from "pg";

export interface Claimed {
  token: string;
  /** The holder before us when we took an unexpired-then-expired or released lease; else undefined. */
  previous: string | undefined;
}

export interface Leases {
  /** Takes the lease when free, expired or already ours; undefined when another holds it. */
  claim(name: string, ttlMs: number): Promise<Claimed | undefined>;
  /** Extends our unexpired lease; false when it is no longer ours (expired or taken). */
  renew(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Lets go now (expires it, keeps the token so the next holder's is higher). */
  release(name: string, token: string): Promise<void>;
  /** Hands our lease straight to `to` (a hand-over), with a new token; false when not ours. */
  transfer(name: string, token: string, to: string, ttlMs: number): Promise<boolean>;
  /** Who holds it now (unexpired), if anyone. */
  holderOf(name: string): Promise<string | undefined>;
}

export function createLeases(pool: pg.Pool, holder: string): Leases {
  return {
    async claim(name, ttlMs) {
      // The CTE reads the row before the statement: only for the takeover log line.
      const result = await pool.query(
        `WITH before AS (SELECT holder FROM leases WHERE name = $1)
         INSERT INTO leases AS l (name, holder, token, expires_at)
         VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
         ON CONFLICT (name) DO UPDATE SET
           holder = excluded.holder,
           token = CASE WHEN l.holder = excluded.holder AND l.expires_at > now()
                        THEN l.token ELSE l.token + 1 END,
           expires_at = excluded.expires_at
         WHERE l.expires_at <= now() OR l.holder = excluded.holder
         RETURNING token::text AS token, (SELECT holder FROM before) AS previous`,
        [name, holder, ttlMs],
      );
      const row = result.rows[0] as { token: string; previous: string | null } | undefined;
      if (!row) return undefined;
      const previous = row.previous && row.previous !== holder ? row.previous : undefined;
      return { token: row.token, previous };
    },
    async renew(name, token, ttlMs) {
      const result = await pool.query(
        `UPDATE leases SET expires_at = now() + $4 * interval '1 millisecond'
         WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now()`,
        [name, holder, token, ttlMs],
      );
      return result.rowCount === 1;
    },
    async release(name, token) {
      await pool.query(
        "UPDATE leases SET expires_at = now() WHERE name = $1 AND holder = $2 AND token = $3",
        [name, holder, token],
      );
    },
    async transfer(name, token, to, ttlMs) {
      const result = await pool.query(
        `UPDATE leases SET holder = $4, token = token + 1,
           expires_at = now() + $5 * interval '1 millisecond'
         WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now()`,
        [name, holder, token, to, ttlMs],
      );
      return result.rowCount === 1;
    },
    async holderOf(name) {
      const result = await pool.query(
        "SELECT holder FROM leases WHERE name = $1 AND expires_at > now()",
        [name],
      );
      return (result.rows[0]?.holder as string | undefined) ?? undefined;
    },
  };
}

/** The parameters of `holdsLease` ($1 name, $2 holder, $3 token) for a lease held now. */
export type LeaseProof = readonly [name: string, holder: string, token: string];

/**
 * The SQL condition "this holder still holds this lease with this token, unexpired", for
 * statements that act under a lease. Parameters: $1 name, $2 holder, $3 token.
 */
export const holdsLease =
  "EXISTS (SELECT 1 FROM leases WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at > now())";
