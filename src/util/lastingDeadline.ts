/**
 * A deadline that must survive a restart yet never be moved by a wall-clock step. Within the run
 * that set it, it is judged on that run's monotonic clock; across a restart only its wall date
 * is left, and what the wall clock says of it is capped at the deadline's full length (a clock
 * stepped back cannot stretch it). The /histories paging records, the vote cooldown and the
 * nonce-age warning all judge their ages this way.
 */
import { randomUUID } from "node:crypto";
import type { Clock } from "./clock.js";

export interface LastingDeadline {
  /** The run (one monotonic clock in one process) that `until` is on. */
  run: string;
  /** On that run's monotonic clock. */
  until: number;
  /** Wall-clock milliseconds: the only measure another run can read. */
  wallUntil: number;
  /** The deadline's full length: what the wall clock says is never trusted beyond it. */
  ttlMs: number;
}

/** One run per clock object: its monotonic readings mean something to it alone. */
interface Run {
  id: string;
  /** Earlier runs' deadlines, by key, once moved onto this clock (see `leftInThisRun`). */
  adopted: Map<string, number>;
}
const runs = new WeakMap<Clock, Run>();
/** Adopted deadlines kept per run; the oldest go first (they are long over by then). */
const maxAdopted = 20_000;

function runFor(clock: Clock): Run {
  let run = runs.get(clock);
  if (run === undefined) {
    run = { id: randomUUID(), adopted: new Map() };
    runs.set(clock, run);
  }
  return run;
}

export function runOf(clock: Clock): string {
  return runFor(clock).id;
}

/** The deadline `ttlMs` after an instant read as `mono` (monotonic) and `wall` (its date). */
export function deadlineAfter(
  start: { run: string; mono: number; wall: number },
  ttlMs: number,
): LastingDeadline {
  return { run: start.run, until: start.mono + ttlMs, wallUntil: start.wall + ttlMs, ttlMs };
}

/** The deadline `ttlMs` from now, on `run`. */
export function deadlineIn(clock: Clock, run: string, ttlMs: number): LastingDeadline {
  return deadlineAfter({ run, mono: clock.now(), wall: clock.wall() }, ttlMs);
}

/** Milliseconds left (≤ 0 when passed); an earlier run's deadline by the wall clock, capped. */
export function msLeft(deadline: LastingDeadline, clock: Clock, run: string): number {
  if (deadline.run === run) return deadline.until - clock.now();
  return Math.min(deadline.ttlMs, deadline.wallUntil - clock.wall());
}

/**
 * `msLeft` for records that cannot be rewritten when a run starts (as the paging records are):
 * an earlier run's deadline, read for the first time, moves onto this run's monotonic clock
 * with what the wall clock says is left of it (capped), so from then on no step moves it and
 * a date from a clock that was ahead still ends within one full length. `key` names the record.
 */
export function leftInThisRun(clock: Clock, key: string, deadline: LastingDeadline): number {
  const run = runFor(clock);
  if (deadline.run === run.id) return deadline.until - clock.now();
  let until = run.adopted.get(key);
  if (until === undefined) {
    until = clock.now() + msLeft(deadline, clock, run.id);
    if (run.adopted.size >= maxAdopted)
      run.adopted.delete(run.adopted.keys().next().value as string);
    run.adopted.set(key, until);
  }
  return until - clock.now();
}
