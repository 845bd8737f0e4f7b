import { describe, expect, it } from "vitest";
import { createAdmission } from "../../src/poller/schedule/admission.js";
import { createSchedule, type Schedule } from "../../src/poller/schedule/schedule.js";
import { createBreaker } from "../../src/tracker/breaker.js";
import { createBackoff } from "../../src/util/backoff.js";

const minute = 60_000;

/** The admission over `schedule` alone (the tracker answers, no channel waits). */
const admitted = (schedule: Schedule) =>
  createAdmission({
    schedule,
    breaker: createBreaker({ firstProbeMs: 5000, maxProbeMs: minute }),
    channels: createBackoff({ baseMs: minute, maxMs: minute, random: () => 0.5 }),
  });
const t0 = Date.parse("2026-02-10T12:00:00.000Z");
const keys = (n: number, prefix = "s") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function planned(budgetPerMinute: number, count: number) {
  const schedule = createSchedule({
    intervalMs: minute,
    endedIntervalMs: 60 * minute,
    budgetPerMinute,
  });
  const all = keys(count);
  schedule.census(all, t0, t0);
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
    expect(schedule.status(t0).effectiveIntervalMs).toBe(minute);
    expect(admitted(schedule).of("s0", t0).at).toBeLessThanOrEqual(t0);
    schedule.polled("s0", t0, { requests: 1 });
    expect(admitted(schedule).of("s0", t0 + minute - 1).at).toBeGreaterThan(t0 + minute - 1);
    expect(admitted(schedule).of("s0", t0 + minute).at).toBeLessThanOrEqual(t0 + minute);
  });

  it("reads each source by the square-root rule on its change rate, within [base, 15x]", () => {
    const { schedule, all } = planned(100, 900);
    // s0..s19 show a change every two minutes over the last hour; the others one change long ago.
    all.forEach((key, i) => {
      const happened =
        i < 20
          ? Array.from({ length: 30 }, (_, k) => t0 - k * 2 * minute)
          : [t0 - (2000 + i) * minute];
      schedule.observed(key, happened, t0);
      schedule.polled(key, t0, { requests: 1 });
    });
    schedule.census(all, t0, t0);
    for (const key of all.slice(0, 20))
      expect(schedule.explain(key)).toMatchObject({ intervalMs: minute, reason: "base" });
    const quiet = all.slice(20).map((key) => schedule.explain(key));
    for (const q of quiet) {
      expect(q?.reason).toBe("quiet");
      expect(q?.intervalMs).toBeGreaterThan(minute);
      expect(q?.intervalMs).toBeLessThanOrEqual(15 * minute);
    }
    // The plan spends 80 % of the budget, no more.
    expect(demand(schedule, all)).toBeLessThanOrEqual(80.01);
    expect(demand(schedule, all)).toBeGreaterThan(79);
    // Among the quiet: the one that changed longer ago is read less often.
    const s20 = schedule.explain("s20")?.intervalMs ?? 0;
    const s899 = schedule.explain("s899")?.intervalMs ?? 0;
    expect(s899).toBeGreaterThanOrEqual(s20);
  });

  it("lifts the 15x bound when even that does not fit, the busiest staying closest to the base", () => {
    const { schedule, all } = planned(100, 3000);
    all.forEach((key, i) => {
      const happened = i < 20 ? Array.from({ length: 30 }, (_, k) => t0 - k * minute) : [];
      schedule.observed(key, happened, t0);
    });
    schedule.census(all, t0, t0);
    for (const key of all.slice(0, 20)) expect(schedule.explain(key)?.intervalMs).toBe(minute);
    const quiet = all.slice(20).map((key) => schedule.explain(key));
    expect(new Set(quiet.map((q) => q?.reason))).toEqual(new Set(["overloaded"]));
    expect(quiet[0]?.intervalMs).toBeGreaterThan(15 * minute);
    expect(demand(schedule, all)).toBeLessThanOrEqual(80.01);
  });

  it("plans with the rates it stored after a restart", () => {
    const first = planned(100, 900);
    first.all.forEach((key, i) => {
      first.schedule.observed(key, i < 20 ? [t0 - minute, t0 - 2 * minute, t0] : [], t0);
    });
    first.schedule.census(first.all, t0, t0);
    const stored = JSON.parse(JSON.stringify(first.schedule.rates()));
    const second = createSchedule({
      intervalMs: minute,
      endedIntervalMs: 60 * minute,
      budgetPerMinute: 100,
    });
    second.restore(stored);
    second.census(first.all, t0 + 1000, t0);
    for (const key of first.all) {
      expect(second.explain(key)?.intervalMs).toBe(first.schedule.explain(key)?.intervalMs);
    }
    expect(second.explain("s0")?.estimated).toBe(true);
  });

  it("reads ended sessions hourly, and counts them for that little", () => {
    const { schedule, all } = planned(100, 90);
    schedule.checked("s0", t0, { ended: true, gamesChanges: false });
    schedule.census(all, t0, t0);
    expect(schedule.explain("s0")).toMatchObject({ intervalMs: 60 * minute, reason: "ended" });
    expect(schedule.status(t0).sources).toBe(89);
  });

  it("reports the lag of the most overdue source and the next due time", () => {
    const { schedule, all } = planned(100, 2);
    for (const key of all) schedule.polled(key, t0, { requests: 1 });
    expect(admitted(schedule).nextAt()).toBe(t0 + minute);
    expect(schedule.status(t0 + minute + 5000).lagMs).toBe(5000);
    schedule.finalRead("s1", "sub1", t0, 3);
    expect(admitted(schedule).of("s1", t0 + 1).at).toBeLessThanOrEqual(t0 + 1);
  });
});
