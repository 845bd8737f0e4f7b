import { describe, expect, it } from "vitest";
import { allocate } from "../../src/poller/schedule/allocate.js";

const d = (rate: number, cost = 1) => ({ rate, cost });
const spent = (intervals: number[], costs: number[] = intervals.map(() => 1)) =>
  intervals.reduce((sum, t, i) => sum + (costs[i] as number) / t, 0);

describe("the square-root allocation", () => {
  it("keeps everything at the base interval when that fits", () => {
    const plan = allocate([d(5), d(1e-9)], { baseMs: 1, maxStretch: 15, budgetPerMs: 2 });
    expect(plan).toEqual({ intervals: [1, 1], mode: "base", upperMs: 1 });
  });

  it("matches the closed form T = k/√λ when no bound holds", () => {
    // 2/k + 1/k = 0.6 -> k = 5.
    const plan = allocate([d(4), d(1)], { baseMs: 1, maxStretch: 100, budgetPerMs: 0.6 });
    expect(plan.mode).toBe("stretched");
    expect(plan.intervals[0]).toBeCloseTo(2.5, 9);
    expect(plan.intervals[1]).toBeCloseTo(5, 9);
  });

  it("weighs the cost of a read: T = k·√(c/λ)", () => {
    // √(c/λ): 1 and 2; Σ c/T = 1/k + 4/(2k) = 3/k = 0.5 -> k = 6.
    const plan = allocate([d(1), d(1, 4)], { baseMs: 1, maxStretch: 100, budgetPerMs: 0.5 });
    expect(plan.intervals[0]).toBeCloseTo(6, 9);
    expect(plan.intervals[1]).toBeCloseTo(12, 9);
  });

  it("holds a source at the base interval and shares the rest by the same rule", () => {
    // Unclamped: 21/k = 1.1 -> T1 = 0.95 < base; held at 1, the other gets 0.1: T2 = 10.
    const plan = allocate([d(400), d(1)], { baseMs: 1, maxStretch: 100, budgetPerMs: 1.1 });
    expect(plan.intervals[0]).toBe(1);
    expect(plan.intervals[1]).toBeCloseTo(10, 9);
    expect(spent(plan.intervals)).toBeCloseTo(1.1, 9);
  });

  it("holds a source at the upper bound and shares the rest by the same rule", () => {
    // The near-silent one is held at 10 (0.1), the two others share 0.4: 5 each.
    const plan = allocate([d(1), d(1), d(1e-6)], { baseMs: 1, maxStretch: 10, budgetPerMs: 0.5 });
    expect(plan.intervals[2]).toBe(10);
    expect(plan.intervals[0]).toBeCloseTo(5, 9);
    expect(plan.intervals[1]).toBeCloseTo(5, 9);
  });

  it("raises the upper bound to twice the even split when even every source at it does not fit", () => {
    // At 2 x base both cost 1 > 0.2: the bound goes to 2 x 2 / 0.2 = 20 (not lifted). The
    // quiet one is held there (0.05), the busy one gets the rest: 1/0.15.
    const plan = allocate([d(4), d(1e-6)], { baseMs: 1, maxStretch: 2, budgetPerMs: 0.2 });
    expect(plan.mode).toBe("overloaded");
    expect(plan.upperMs).toBeCloseTo(20, 9);
    expect(plan.intervals[1]).toBeCloseTo(20, 9);
    expect(plan.intervals[0]).toBeCloseTo(1 / 0.15, 9);
    expect(spent(plan.intervals)).toBeCloseTo(0.2, 9);
  });

  it("keeps the raised bound to the whole budget's even split (headroom aside), or what fits", () => {
    // 40 sources, 1 request/s in all, 0.8 planned: every source at least every 2 x 40 / 1 = 80.
    const demands = [
      ...Array.from({ length: 5 }, () => d(0.2)),
      ...Array.from({ length: 35 }, () => d(1e-7)),
    ];
    const plan = allocate(demands, {
      baseMs: 2,
      maxStretch: 15,
      budgetPerMs: 0.8,
      fullBudgetPerMs: 1,
    });
    expect(plan.upperMs).toBeCloseTo(80, 9);
    expect(Math.max(...plan.intervals)).toBeCloseTo(80, 9);
    // The busy five share what the quiet ones leave: 0.8 - 35/80 = 0.3625.
    expect(plan.intervals[0]).toBeCloseTo(5 / 0.3625, 6);
    // Reads that cost 3 each: 2 x 40 / 1 does not fit 0.8, so the bound is the even split.
    const costly = demands.map((x) => ({ ...x, cost: 3 }));
    const tight = allocate(costly, {
      baseMs: 2,
      maxStretch: 15,
      budgetPerMs: 0.8,
      fullBudgetPerMs: 1,
    });
    expect(tight.upperMs).toBeCloseTo(150, 9);
    expect(
      spent(
        tight.intervals,
        costly.map((x) => x.cost),
      ),
    ).toBeLessThanOrEqual(0.8 * (1 + 1e-9));
  });

  it("spends the budget and never more, over many mixed sources", () => {
    const demands = Array.from({ length: 500 }, (_, i) => d(10 ** -(i % 7), 1 + (i % 3)));
    const plan = allocate(demands, { baseMs: 60, maxStretch: 15, budgetPerMs: 3 });
    const used = spent(
      plan.intervals,
      demands.map((x) => x.cost),
    );
    expect(used).toBeLessThanOrEqual(3 * (1 + 1e-9));
    expect(used).toBeGreaterThan(3 * 0.999);
    for (const t of plan.intervals) {
      expect(t).toBeGreaterThanOrEqual(60);
      expect(t).toBeLessThanOrEqual(900);
    }
  });
});
