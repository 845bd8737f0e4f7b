import { describe, expect, it } from "vitest";
import { createSchedule } from "../../src/poller/schedule.js";

const minute = 60_000;
const t0 = Date.parse("2026-02-10T12:00:00.000Z");
const keys = (n: number, prefix = "s") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function planned(budgetPerMinute: number, count: number) {
  const schedule = createSchedule({
    intervalMs: minute,
    endedIntervalMs: 60 * minute,
    budgetPerMinute,
  });
  const all = keys(count);
  schedule.census(all, t0);
  return { schedule, all };
}

/** Requests per base interval the plan asks for (each source costs 1 here). */
const demand = (schedule: ReturnType<typeof createSchedule>, all: string[]) =>
  all.reduce((sum, key) => sum + minute / (schedule.explain(key)?.intervalMs ?? minute), 0);

describe("the schedule", () => {
  it("keeps every source at the base interval while the budget allows", () => {
    const { schedule, all } = planned(100, 80);
    for (const key of all)
      expect(schedule.explain(key)).toMatchObject({ intervalMs: minute, reason: "base" });
    expect(schedule.effectiveIntervalMs()).toBe(minute);
    expect(schedule.isDue("s0", t0)).toBe(true);
    schedule.polled("s0", t0, { changed: false, requests: 1 });
    expect(schedule.isDue("s0", t0 + minute - 1)).toBe(false);
    expect(schedule.isDue("s0", t0 + minute)).toBe(true);
  });

  it("stretches the sources quiet the longest first, busy ones last, never beyond 15x", () => {
    const { schedule, all } = planned(100, 900);
    // s0..s19 changed a minute ago; s20..s999 changed longer ago the higher their number is... reversed.
    all.forEach((key, i) => {
      schedule.polled(key, t0, { changed: false, requests: 1 });
      if (i < 20) schedule.changed(key, t0 - minute);
      else schedule.changed(key, t0 - (2000 - i) * minute);
    });
    schedule.census(all, t0);
    for (const key of all.slice(0, 20)) expect(schedule.explain(key)?.reason).toBe("base");
    const intervals = all.map((key) => schedule.explain(key)?.intervalMs ?? 0);
    expect(Math.max(...intervals)).toBe(15 * minute);
    // Fits 80 % of the budget.
    expect(demand(schedule, all)).toBeLessThanOrEqual(80);
    // Quiet the longest = oldest change = lowest number among s20..: stretched before any newer one.
    const quiet = all.slice(20);
    const lastStretched = quiet.map((k) => schedule.explain(k)?.reason).lastIndexOf("quiet");
    const firstBase = quiet.map((k) => schedule.explain(k)?.reason).indexOf("base");
    expect(firstBase === -1 || lastStretched < firstBase).toBe(true);
    expect(quiet.filter((k) => schedule.explain(k)?.reason === "base").length).toBeGreaterThan(0);
    expect(schedule.effectiveIntervalMs()).toBe(15 * minute);
  });

  it("slows every source alike once even 15x does not fit, still within the budget", () => {
    const { schedule, all } = planned(100, 3000);
    const reasons = new Set(all.map((k) => schedule.explain(k)?.reason));
    expect(reasons).toEqual(new Set(["overloaded"]));
    expect(demand(schedule, all)).toBeLessThanOrEqual(80.01);
    // The bound in that case: the time the budget needs to read every source once, times 15 at most.
    const round = (3000 / 80) * minute;
    for (const key of all)
      expect(schedule.explain(key)?.intervalMs).toBeLessThanOrEqual(15 * round);
  });

  it("keeps busy sources at the base interval when even 15x does not fit the quiet ones", () => {
    const { schedule, all } = planned(100, 3000);
    for (const key of all.slice(0, 20)) schedule.changed(key, t0 - minute);
    schedule.census(all, t0);
    for (const key of all.slice(0, 20)) expect(schedule.explain(key)?.intervalMs).toBe(minute);
    const quiet = all.slice(20).map((key) => schedule.explain(key));
    expect(new Set(quiet.map((q) => q?.reason))).toEqual(new Set(["overloaded"]));
    expect(quiet[0]?.intervalMs).toBeGreaterThan(15 * minute);
    expect(demand(schedule, all)).toBeLessThanOrEqual(80.01);
  });

  it("keeps the sessions changing right now at the base interval when many changed within the hour", () => {
    // The bench's shape: 20 change every minute, 280 changed once within the last hour, 700 quiet.
    const { schedule, all } = planned(100, 1000);
    all.forEach((key, i) => {
      // Every source was read a minute ago; that read found a change in the first 20.
      schedule.polled(key, t0 - minute, { changed: i < 20, requests: 1 });
      if (i >= 20 && i < 300) schedule.changed(key, t0 - (5 + (i % 50)) * minute);
    });
    schedule.census(all, t0);
    for (const key of all.slice(0, 20)) expect(schedule.explain(key)?.intervalMs).toBe(minute);
    // Those that changed less recently stretch first, the quiet ones further still.
    const hourly = all.slice(20, 300).map((key) => schedule.explain(key)?.intervalMs ?? 0);
    expect(hourly.filter((ms) => ms === minute).length).toBeLessThan(20);
    // s69 changed 54 minutes ago, s50 five: the older change stretches, never the newer alone.
    expect(schedule.explain("s69")?.intervalMs).toBeGreaterThan(minute);
    expect(schedule.explain("s69")?.intervalMs).toBeGreaterThanOrEqual(
      schedule.explain("s50")?.intervalMs ?? 0,
    );
    const quiet = all.slice(300).map((key) => schedule.explain(key)?.intervalMs ?? 0);
    expect(Math.min(...quiet)).toBeGreaterThanOrEqual(Math.max(...hourly));
    expect(demand(schedule, all)).toBeLessThanOrEqual(80.01);
  });

  it("reads ended sessions hourly, and counts them for that little", () => {
    const { schedule, all } = planned(100, 90);
    schedule.setEnded("s0", true);
    schedule.census(all, t0);
    expect(schedule.explain("s0")).toMatchObject({ intervalMs: 60 * minute, reason: "ended" });
    expect(schedule.size()).toBe(89);
  });

  it("reports the lag of the most overdue source and the next due time", () => {
    const { schedule, all } = planned(100, 2);
    for (const key of all) schedule.polled(key, t0, { changed: false, requests: 1 });
    expect(schedule.nextDueAt()).toBe(t0 + minute);
    expect(schedule.lagMs(t0 + minute + 5000)).toBe(5000);
    schedule.dueNow("s1");
    expect(schedule.isDue("s1", t0 + 1)).toBe(true);
  });
});
