/**
 * How often a source changes, from the `happened` dates of the items it has seen.
 *
 * Counts decay exponentially on three time scales (15 min, 2 h, 1 day); each scale's rate is
 * its decayed count over its decayed exposure (plus a quarter of the scale as prior exposure, so one
 * lone item does not look like a storm), and the source's rate is the largest of them:
 * - a burst of items makes it busy within the read that sees them (the short scale);
 * - a session changing a few times a day keeps that rate between its changes (the long one);
 * - old evidence decays: after a quiet week every scale is near zero, and the floor (once a
 *   week) is what is left.
 * A source never read has the prior (once a day). The first read gives an estimate at once:
 * the page a source starts from carries the dates of its past changes.
 *
 * Items a later read finds count from the previous read at the earliest (they were not
 * visible before it), so an item dated back still counts as a change now.
 *
 * Times are the tracker's dates (milliseconds since the epoch, compared with the wall clock
 * at the read): they are dates of changes, not durations of ours, and a wall-clock step only
 * nudges an estimate (ages are never negative).
 */

export interface RateState {
  /** Start of the observed span: the oldest `happened` seen, or the first read. */
  since: number;
  /** When `counts` were last decayed. */
  at: number;
  /** Newest `happened` counted: later reads count only what is newer. */
  mark: number;
  /** Decayed counts, one per scale of `rateScalesMs`. */
  counts: number[];
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
export const rateScalesMs = [15 * minute, 2 * hour, day] as const;
/** A source never read: once a day. */
export const priorRate = 1 / day;
/** A source watched and found quiet: once a week. */
export const floorRate = 1 / (7 * day);

function decayed(state: RateState, nowMs: number): number[] {
  const elapsed = Math.max(0, nowMs - state.at);
  return rateScalesMs.map((tau, i) => (state.counts[i] ?? 0) * Math.exp(-elapsed / tau));
}

/** The state after a read at `nowMs` that returned items with these `happened` dates. */
export function observe(
  state: RateState | undefined,
  happened: readonly number[],
  nowMs: number,
): RateState {
  const fresh = happened.filter((ms) => Number.isFinite(ms));
  const since = Math.min(state?.since ?? nowMs, nowMs, ...fresh);
  const current: RateState = state ?? {
    since,
    at: nowMs,
    mark: Number.NEGATIVE_INFINITY,
    counts: [],
  };
  const at = Math.max(current.at, nowMs);
  const counts = decayed(current, at);
  let mark = current.mark;
  for (const ms of fresh) {
    if (ms <= current.mark) continue;
    // An item a later read finds for the first time became visible after the previous read,
    // whatever its date says (written late, or dated back): count it from then.
    const age = Math.max(0, at - (state === undefined ? ms : Math.max(ms, current.at)));
    rateScalesMs.forEach((tau, i) => {
      counts[i] = (counts[i] ?? 0) + Math.exp(-age / tau);
    });
    mark = Math.max(mark, ms);
  }
  return { since, at, mark, counts };
}

/** Changes per millisecond at `nowMs`. */
export function rateOf(state: RateState | undefined, nowMs: number): number {
  if (state === undefined) return priorRate;
  // decayed()'s arithmetic inline: the plan asks this of every source every tick, and the
  // arrays and closures were garbage at 10,000 sources.
  const elapsed = Math.max(0, nowMs - state.at);
  const span = Math.max(0, nowMs - state.since);
  let best = floorRate;
  for (let i = 0; i < rateScalesMs.length; i++) {
    const tau = rateScalesMs[i] as number;
    const count = (state.counts[i] ?? 0) * Math.exp(-elapsed / tau);
    const exposure = tau * (1 - Math.exp(-span / tau));
    best = Math.max(best, count / (exposure + tau / 4));
  }
  return best;
}

/** A stored state, checked field by field (the store holds what an older version wrote). */
export function parseRateState(value: unknown): RateState | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { since, at, mark, counts } = value as Record<string, unknown>;
  const finite = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);
  if (!finite(since) || !finite(at) || !Array.isArray(counts) || !counts.every(finite))
    return undefined;
  return { since, at, mark: finite(mark) ? mark : Number.NEGATIVE_INFINITY, counts };
}
