import { describe, expect, it } from "vitest";
import {
  floorRate,
  observe,
  parseRateState,
  priorRate,
  rateOf,
} from "../../src/poller/schedule/rate.js";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const t0 = Date.parse("2026-02-10T12:00:00.000Z");
const perHour = (rate: number) => rate * hour;
const every = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) }, (_, i) => from + i * step);

describe("the change-rate estimate", () => {
  it("starts from the prior when nothing was read yet", () => {
    expect(rateOf(undefined, t0)).toBe(priorRate);
  });

  it("knows a busy session from its first read, and a quiet one too", () => {
    // The page a source starts from: a change every 2 minutes for the last hour.
    const busy = observe(undefined, every(t0 - hour, t0, 2 * minute), t0);
    expect(perHour(rateOf(busy, t0))).toBeGreaterThan(10);
    // One change three days ago.
    const quiet = observe(undefined, [t0 - 3 * day], t0);
    expect(rateOf(quiet, t0)).toBeLessThan(1 / day);
    expect(rateOf(busy, t0) / rateOf(quiet, t0)).toBeGreaterThan(500);
  });

  it("makes a quiet session busy within the read that sees a burst", () => {
    let state = observe(undefined, [t0 - 7 * day], t0 - 3 * day);
    for (let at = t0 - 3 * day; at < t0; at += hour) state = observe(state, [], at);
    expect(perHour(rateOf(state, t0))).toBeLessThan(0.05);
    state = observe(state, every(t0 - 5 * minute, t0, 30_000), t0);
    expect(perHour(rateOf(state, t0))).toBeGreaterThan(10);
  });

  it("counts each item once, however often a read returns it", () => {
    const items = every(t0 - 10 * minute, t0, minute);
    const once = observe(undefined, items, t0);
    const twice = observe(once, items, t0);
    expect(rateOf(twice, t0)).toBeCloseTo(rateOf(once, t0), 12);
  });

  it("counts an item a later read finds from the previous read on, even when dated back", () => {
    const first = observe(undefined, [t0 - day], t0 - minute);
    const later = observe(first, [t0 - day + 1000, t0 - day + 2000, t0 - day + 3000], t0);
    const dated = observe(
      undefined,
      [t0 - day, t0 - day + 1000, t0 - day + 2000, t0 - day + 3000],
      t0,
    );
    expect(rateOf(later, t0)).toBeGreaterThan(10 * rateOf(dated, t0));
  });

  it("forgets old evidence: a busy session quiet for a week is quiet", () => {
    let state = observe(undefined, every(t0 - day, t0, minute), t0);
    expect(perHour(rateOf(state, t0))).toBeGreaterThan(20);
    for (let at = t0; at <= t0 + 7 * day; at += hour) state = observe(state, [], at);
    const after = rateOf(state, t0 + 7 * day);
    expect(after).toBeLessThan(1 / day);
    expect(after).toBeGreaterThanOrEqual(floorRate);
  });

  it("keeps a few-times-a-day session between its changes, below a busy one", () => {
    const changes = every(t0 - 3 * day, t0, 6 * hour);
    let state = observe(undefined, [], t0 - 3 * day);
    for (const at of changes) state = observe(state, [at], at + minute);
    const between = rateOf(state, t0 + 3 * hour);
    expect(between).toBeGreaterThan(1 / day);
    expect(between).toBeLessThan(1 / hour);
  });

  it("reads back what it stored, and refuses what it cannot read", () => {
    const state = observe(undefined, [t0 - minute], t0);
    const back = parseRateState(JSON.parse(JSON.stringify(state)));
    expect(back).toEqual(state);
    expect(parseRateState({ since: "x", at: 1, counts: [] })).toBeUndefined();
    expect(parseRateState(null)).toBeUndefined();
  });
});
