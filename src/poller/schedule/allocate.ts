/**
 * The square-root rule: a source changing at rate λ and costing c requests a read is read
 * every T = k·√(c/λ). For a fixed number of reads this minimises the delay summed over all
 * changes (Σ λ·T/2 under Σ c/T = budget; the classic crawler revisit result). T is clamped to
 * [base, maxStretch × base] and k solved with the clamps: sources held at a bound drop out and
 * the rest share what is left by the same rule. When even every source at the upper bound
 * does not fit ("overloaded"), the upper bound is raised only as far as needed, never lifted:
 * to twice the even split of the whole budget (every source read at least every
 * 2 × N / budget), or to the even split of the planned budget when even that does not fit;
 * the rest of the budget goes by the same rule. Lifting it instead let the rule alone decide,
 * and a session quiet for a week waited hundreds of busy intervals for its rare change (which
 * matters most: a keyholder acting after days of quiet).
 */

export interface Demand {
  /** Changes per millisecond (> 0). */
  rate: number;
  /** Requests one read costs (> 0). */
  cost: number;
}

export type AllocationMode = "base" | "stretched" | "overloaded";

export interface Allocation {
  /** Interval per demand, in the input's order (ms). */
  intervals: number[];
  mode: AllocationMode;
  /** The upper bound in force (ms): maxStretch × base, or the raised one when overloaded. */
  upperMs: number;
}

/** The upper bound when even maxStretch × base does not fit (see the file's comment). */
export function overloadBoundMs(demands: readonly Demand[], options: AllocateOptions): number {
  const cost = demands.reduce((sum, d) => sum + d.cost, 0);
  const evenSplit = demands.length / (options.fullBudgetPerMs ?? options.budgetPerMs);
  return Math.max(2 * evenSplit, cost / options.budgetPerMs);
}

export interface AllocateOptions {
  baseMs: number;
  maxStretch: number;
  /** Requests per millisecond the reads may use. */
  budgetPerMs: number;
  /** The whole budget (requests per ms, the reads' share and the rest): sets the overload bound. Default budgetPerMs. */
  fullBudgetPerMs?: number;
}

/**
 * Whether every demand read at the base interval fits the budget: then that is the allocation,
 * whatever the rates (so a caller may skip estimating them).
 */
export function fitsAtBase(
  demands: readonly { cost: number }[],
  baseMs: number,
  budgetPerMs: number,
): boolean {
  let cost = 0;
  for (const d of demands) cost += d.cost;
  return cost / baseMs <= budgetPerMs;
}

/** The allocation when everything fits at the base interval. */
export function basePlan(count: number, baseMs: number): Allocation {
  return { intervals: Array.from({ length: count }, () => baseMs), mode: "base", upperMs: baseMs };
}

/** Intervals for `demands` under the budget (see the file's comment). */
export function allocate(demands: readonly Demand[], options: AllocateOptions): Allocation {
  const { baseMs, budgetPerMs } = options;
  const maxMs = baseMs * options.maxStretch;
  if (fitsAtBase(demands, baseMs, budgetPerMs)) return basePlan(demands.length, baseMs);
  const allMax = demands.reduce((sum, d) => sum + d.cost, 0) / maxMs;
  const upper = allMax <= budgetPerMs ? maxMs : overloadBoundMs(demands, options);
  const shape = demands.map((d) => Math.sqrt(d.cost / d.rate));
  const intervalAt = (k: number, i: number) =>
    Math.min(upper, Math.max(baseMs, k * (shape[i] as number)));
  const demandAt = (k: number) => demands.reduce((sum, d, i) => sum + d.cost / intervalAt(k, i), 0);
  // demandAt falls as k grows: bisect (geometrically) for the smallest k that fits...
  let lo = 1e-12;
  let hi = 1e15;
  for (let i = 0; i < 200 && hi / lo > 1 + 1e-12; i++) {
    const mid = Math.sqrt(lo * hi);
    if (demandAt(mid) <= budgetPerMs) hi = mid;
    else lo = mid;
  }
  // ...then solve exactly with the sources held at a bound fixed: budget = held + Σ free c/(k√(c/λ)).
  let held = 0;
  let free = 0;
  demands.forEach((d, i) => {
    const t = hi * (shape[i] as number);
    if (t <= baseMs || t >= upper) held += d.cost / intervalAt(hi, i);
    else free += d.cost / (shape[i] as number);
  });
  const k = free > 0 && budgetPerMs > held ? free / (budgetPerMs - held) : hi;
  return {
    intervals: demands.map((_, i) => intervalAt(k, i)),
    mode: upper === maxMs ? "stretched" : "overloaded",
    upperMs: upper,
  };
}
