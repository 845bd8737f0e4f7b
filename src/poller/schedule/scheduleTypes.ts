/** The schedule's interface (schedule.ts implements it): one record per source, its part of "when is this read next, and why" (admission.ts adds the breaker and the channels). */
import type { FailureInfo, Streak } from "../../util/backoff.js";
import type { RateState } from "./rate.js";

export type DueReason = "base" | "quiet" | "overloaded" | "ended";

/** Why a due source waits although it is due: its channels are busy, or the tick was full. */
export type HeldReason = "channelBusy" | "queued";

/**
 * Why a source is read when it is: its plan, a fault streak holding it back, a hold of this
 * tick, a final read (a session that just stopped running), or the hourly state check.
 */
export type ReadReason = DueReason | HeldReason | "backoff" | "finalRead" | "stateCheck";

export interface ScheduleOptions {
  intervalMs: number;
  endedIntervalMs: number;
  /** Requests per minute the plan may use for polls. */
  budgetPerMinute: number;
  /** Share of the budget polls may plan for; the rest is for members waiting on commands and slack. Default 0.8. */
  headroom?: number;
  /** The stated bound: a quiet source waits at most this many intervals (overloaded: a raised bound, allocate.ts). Default 15. */
  maxStretch?: number;
  /** Cap of a source's own backoff after failures. Default 15 min. */
  maxBackoffMs?: number;
  /** 0 <= random() < 1, for the backoff's jitter. */
  random?: () => number;
  /** Most due sources one tick takes up (a backlog is worked off in small steps). Default: no cap. */
  perTick?: number;
}

/** A member's running sessions at the last active-session lookup, and `has_games_changes` by source key. */
export interface LookupResult {
  running: number[];
  games: ReadonlyMap<string, boolean>;
}

export interface Candidate {
  key: string;
  /** Every subscription of the key posts to a channel that takes nothing new this tick. */
  busy: boolean;
}

export interface Explanation {
  intervalMs: number;
  reason: DueReason;
  dueAt: number;
  /** Estimated changes per hour. */
  changesPerHour: number;
  /** Whether the rate comes from the source's own items (false: the prior). */
  estimated: boolean;
  /** The plan's upper bound in force: 15 intervals, or the raised one when overloaded. */
  upperBoundMs: number;
}

/** The plan as a whole, for /healthz, /metrics and the breaker's population. */
export interface ScheduleStatus {
  /** The longest planned interval of a running source (the effective interval). */
  effectiveIntervalMs: number;
  /** How far behind its due time the most overdue source is (0 when none is). */
  lagMs: number;
  /** Sources sharing the budget (running ones). */
  sources: number;
}

export interface Schedule {
  /** The sources that exist now; forgets the others and re-plans (`wallMs` dates the rates). */
  census(keys: Iterable<string>, nowMs: number, wallMs: number): void;
  /**
   * When `key` is read next by its own record, and why; admission.ts adds the breaker and the
   * channel to it. Undefined for a source the schedule does not know.
   */
  nextReadAt(key: string): { at: number; reason: ReadReason } | undefined;
  /** Not held back by its own backoff (admission.ts). */
  ready(key: string, nowMs: number): boolean;
  /** A failed read of `key`: starts or extends its backoff; `cause` tags the streak. */
  failed(key: string, nowMs: number, retryAfterMs?: number, cause?: string): FailureInfo;
  /** A successful read ends its streak; returns the streak when there was one. */
  succeeded(key: string): Streak | undefined;
  /**
   * Ends every streak of this cause (the tracker's breaker took the outage over); `allDue`:
   * every source is due at once too (the tracker is back after an outage).
   */
  forgive(cause: string, allDue?: boolean): void;
  /**
   * The due stage: of these candidates, the due ones not held back by busy channels, most
   * overdue first, at most `limit` (default `perTick`); the others due are marked held.
   * `anyTime`: not yet due ones count too (the tracker's probe, the most overdue source).
   */
  pick(
    candidates: Iterable<Candidate>,
    nowMs: number,
    limit?: number,
    anyTime?: boolean,
  ): Set<string>;
  /** Records a read (or a failed try, ok false) and the requests it cost; a read ends a pending final read. */
  polled(key: string, nowMs: number, outcome: { requests: number; ok?: boolean }): void;
  /**
   * A follower's session seen no longer running: one read at the next chance, for its last
   * changes, unless this follower got it or the source failed `maxFailures` times in a row
   * (deleted?). Says whether it is to be read; false: the follower may switch to a new session.
   */
  finalRead(key: string, subscriptionId: string, nowMs: number, maxFailures: number): boolean;
  /** These followers got their final read of `key`. */
  finalReadDone(key: string, subscriptionIds: readonly string[]): void;
  /** Whether the session's state must be checked before its read (hourly). */
  stateCheckDue(key: string, nowMs: number): boolean;
  /** The state check's answer: a session just seen ending gets one read at once, then hourly. */
  checked(key: string, nowMs: number, state: { ended: boolean; gamesChanges: boolean }): void;
  /** An ended session read within the hour waits (no pending final read). */
  endedWaits(key: string, nowMs: number): boolean;
  /** An active-session lookup's result; returns the previous one. */
  lookedUp(key: string, result: LookupResult): LookupResult | undefined;
  /** A member's running sessions at their last lookup (by the lookup's key). */
  runningOf(key: string): number[] | undefined;
  /** `has_games_changes` of a session, from its state check or its member's lookup. */
  gamesChangesOf(key: string, lookupKey: string): boolean | undefined;
  /** A read saw items with these `happened` dates (wall ms), at `wallMs`: updates the rate. */
  observed(key: string, happened: readonly number[], wallMs: number): void;
  explain(key: string): Explanation | undefined;
  status(nowMs: number): ScheduleStatus;
  /** The sources it knows (admission.ts asks each of them). */
  keys(): IterableIterator<string>;
  /**
   * Order among due sources, lowest first: the due time plus a tenth of the interval (a source
   * checked every 15 min bears a late minute better than one checked every minute, so behind
   * schedule the busy ones go first); for a source never read, its first sighting plus its
   * interval, so a first sweep over many new sources does not hold back the busy ones found
   * (and after a restart, the stored rates put the busy ones first in that sweep).
   */
  priority(key: string): number;
  /** The rate states worth keeping over a restart, by key. */
  rates(): Record<string, RateState>;
  /** Rate states read back after a restart (for keys not estimated yet). */
  restore(rates: Readonly<Record<string, RateState>>): void;
}
