/**
 * The three schedules the simulation compares, behind one small interface:
 * - today: the schedule before the square-root rule (bench/baseline/schedule.ts), told what it
 *   is told in the bot (a session's last post as its last change; "the read found something");
 * - new: src/poller/schedule/schedule.ts, told the `happened` dates of what each read returns;
 * - optimum: the square-root allocation computed offline from the true rates (src/poller/schedule/allocate.ts
 *   on what the simulation knows and the bot cannot), each session read at its fixed interval.
 */
import { allocate } from "../../src/poller/schedule/allocate.js";
import { observe, type RateState } from "../../src/poller/schedule/rate.js";
import { createSchedule } from "../../src/poller/schedule/schedule.js";
import { createSchedule as createBaselineSchedule } from "../baseline/schedule.js";
import type { SimSession } from "./world.js";

export interface Policy {
  /** Every tick, before picking: the sources that exist. */
  census(nowMs: number): void;
  /** Due sources, most urgent first. */
  due(nowMs: number): string[];
  /** A read at `nowMs`: `seen` are the dates the read returns (all of the newest page on a first read). */
  read(key: string, nowMs: number, seen: readonly number[], newCount: number): void;
  intervalOf(key: string): number;
}

export interface PolicyOptions {
  intervalMs: number;
  budgetPerMinute: number;
  /** Steady: what a restart keeps (today: each session's last post; new: the stored rates). */
  warm: boolean;
}

const hour = 3_600_000;

function pickDue(
  keys: readonly string[],
  isDue: (k: string) => boolean,
  rank: (k: string) => number,
) {
  return keys.filter(isDue).sort((a, b) => rank(a) - rank(b));
}

export function todayPolicy(world: readonly SimSession[], o: PolicyOptions): Policy {
  const schedule = createBaselineSchedule({
    intervalMs: o.intervalMs,
    endedIntervalMs: hour,
    budgetPerMinute: o.budgetPerMinute,
  });
  const keys = world.map((s) => s.key);
  const hints = new Map<string, number | undefined>(
    world.map((s) => [s.key, o.warm ? s.changes.filter((t) => t <= 0).at(-1) : undefined]),
  );
  return {
    census: (nowMs) => schedule.census(hints, nowMs),
    due: (nowMs) =>
      pickDue(
        keys,
        (k) => schedule.isDue(k, nowMs),
        (k) => schedule.priority(k),
      ),
    read: (key, nowMs, _seen, newCount) =>
      schedule.polled(key, nowMs, { changed: newCount > 0, requests: 1 }),
    intervalOf: (key) => schedule.explain(key)?.intervalMs ?? o.intervalMs,
  };
}

export function newPolicy(world: readonly SimSession[], o: PolicyOptions): Policy {
  const schedule = createSchedule({
    intervalMs: o.intervalMs,
    endedIntervalMs: hour,
    budgetPerMinute: o.budgetPerMinute,
  });
  const keys = world.map((s) => s.key);
  if (o.warm) {
    // What the bot stored before the restart: every session's history up to now observed.
    const rates: Record<string, RateState> = {};
    for (const s of world)
      rates[s.key] = observe(
        undefined,
        s.changes.filter((t) => t <= 0),
        0,
      );
    schedule.restore(rates);
  }
  return {
    census: (nowMs) => schedule.census(keys, nowMs, nowMs),
    due: (nowMs) =>
      pickDue(
        keys,
        (k) => (schedule.nextReadAt(k)?.at ?? Number.NEGATIVE_INFINITY) <= nowMs,
        (k) => schedule.priority(k),
      ),
    read(key, nowMs, seen) {
      schedule.polled(key, nowMs, { requests: 1 });
      schedule.observed(key, seen, nowMs);
    },
    intervalOf: (key) => schedule.explain(key)?.intervalMs ?? o.intervalMs,
  };
}

export function optimumPolicy(
  world: readonly SimSession[],
  o: PolicyOptions,
  random: () => number,
): Policy {
  const plan = allocate(
    world.map((s) => ({ rate: s.trueRate, cost: 1 })),
    {
      baseMs: o.intervalMs,
      maxStretch: 15,
      budgetPerMs: (o.budgetPerMinute * 0.8) / 60_000,
      fullBudgetPerMs: o.budgetPerMinute / 60_000,
    },
  );
  const interval = new Map(world.map((s, i) => [s.key, plan.intervals[i] as number]));
  // Phases spread at random, so the reads do not come in waves.
  const last = new Map(world.map((s) => [s.key, -random() * (interval.get(s.key) as number)]));
  const dueAt = (k: string) => (last.get(k) as number) + (interval.get(k) as number);
  const keys = world.map((s) => s.key);
  return {
    census: () => undefined,
    due: (nowMs) => pickDue(keys, (k) => nowMs >= dueAt(k), dueAt),
    read: (key, nowMs) => {
      last.set(key, nowMs);
    },
    intervalOf: (key) => interval.get(key) as number,
  };
}
