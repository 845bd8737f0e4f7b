import { describe, expect, it } from "vitest";
import { allocate, fitsAtBase } from "../../src/poller/schedule/allocate.js";
import { keysOf } from "../../src/poller/schedule/due.js";
import type { Subscription } from "../../src/store/types.js";

function subscription(session: number | null, currentSession: number | null): Subscription {
  return {
    id: "s1",
    guildId: "g1",
    channelId: "c1",
    userId: "u1",
    session,
    filters: {} as Subscription["filters"],
    createdAt: "2026-12-01T00:00:00.000Z",
    status: "active",
    pausedReason: null,
    pausedAt: null,
    currentSession,
    watermark: null,
    seenAtWatermark: [],
    lastPostAt: null,
  };
}

describe("a subscription's schedule keys between ticks", () => {
  it("are worked out once for an unchanged subscription", () => {
    const sub = subscription(7, 7);
    const first = keysOf(sub);
    expect(first).toEqual(["u1:7"]);
    expect(keysOf(sub)).toBe(first);
  });

  it("follow a subscription changed in place: a follower's new session, a new user", () => {
    const sub = subscription(null, null);
    expect(keysOf(sub)).toEqual(["active:u1"]);
    sub.currentSession = 12;
    expect(keysOf(sub)).toEqual(["active:u1", "u1:12"]);
    sub.userId = "u2";
    expect(keysOf(sub)).toEqual(["active:u2", "u2:12"]);
    sub.session = 5;
    expect(keysOf(sub)).toEqual(["u2:5"]);
  });
});

describe("the plan at the base interval", () => {
  it("fits exactly when allocate would keep every source at the base", () => {
    const cases = [
      { costs: [1, 1, 1], baseMs: 3000, budgetPerMs: 0.001 },
      { costs: [1, 1, 1], baseMs: 3000, budgetPerMs: 0.000_999 },
      { costs: [1.2, 0.8, 1], baseMs: 60_000, budgetPerMs: 3 / 60_000 },
      { costs: Array(200).fill(1), baseMs: 3000, budgetPerMs: 0.08 },
      { costs: Array(1000).fill(1), baseMs: 3000, budgetPerMs: 0.08 },
      { costs: [1], baseMs: 3000, budgetPerMs: -1 },
    ];
    for (const { costs, baseMs, budgetPerMs } of cases) {
      const running = costs.map((cost) => ({ cost }));
      const plan = allocate(
        running.map((t) => ({ rate: 1e-6, cost: t.cost })),
        { baseMs, maxStretch: 15, budgetPerMs: Math.max(budgetPerMs, 1e-12) },
      );
      expect(fitsAtBase(running, baseMs, budgetPerMs)).toBe(plan.mode === "base");
    }
  });
});
