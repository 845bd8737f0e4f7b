/**
 * `npm run bench:schedule` (also the end of `npm run bench`): today's schedule, the new one
 * and the offline optimum on one simulated clock, without HTTP: a pure simulation of who is
 * read when under the request budget (bench/sim/). Each read costs one request (the hourly
 * session-state check and member lookups are left out: the same for all three); a read posts
 * every change of its session up to then, so a change's delay is read time - change time.
 * The budget is modelled like src/tracker/budget.ts: starts spaced evenly, at most the budget
 * in any minute; the loop ticks every second and takes at most ceil(budget/30)+4 sources a
 * tick (as the poller does).
 */
import {
  newPolicy,
  optimumPolicy,
  type Policy,
  type PolicyOptions,
  todayPolicy,
} from "./sim/policies.js";
import { createWorld, seeded, type SessionClass, type SimSession } from "./sim/world.js";

const minute = 60_000;
const hour = 60 * minute;

export interface SimScenario {
  label: string;
  sessions: number;
  budgetPerMinute: number;
  intervalMs: number;
  warm: boolean;
  /** Changes before this are not measured (the schedule settles). */
  warmupMs: number;
  measuredMs: number;
  tailMs: number;
  /** Even 15 intervals do not fit: also print the worst session's interval. */
  overloaded?: boolean;
}

interface Stats {
  mean: number;
  p95: number;
  n: number;
}

export interface SimResult {
  delays: Record<SessionClass | "all", Stats>;
  requests: number;
  max1s: number;
  max60s: number;
  unposted: number;
  /** Busy sessions: when their reads settled to the steady interval (median, max). */
  busySettled: { median: number; max: number; atFirstRead: number; of: number };
  /** The longest time any session went unread after the warm-up (its worst interval). */
  worstGap: number;
}

function stats(values: number[]): Stats {
  if (values.length === 0) return { mean: Number.NaN, p95: Number.NaN, n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { mean, p95: sorted[Math.floor(0.95 * (sorted.length - 1))] as number, n: sorted.length };
}

function busiest(times: readonly number[], windowMs: number): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while ((times[to] as number) - (times[from] as number) >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

/**
 * When a session's reads reach their steady pace: the first read whose next gap is at most
 * 1.5 x the session's median gap over the run (for an adaptive schedule, "steady" is its usual
 * pace, not a fixed interval).
 */
function settledAt(reads: readonly number[]): number {
  const gaps = reads.slice(1).map((t, i) => t - (reads[i] as number));
  const median = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? Number.NaN;
  const i = gaps.findIndex((gap) => gap <= 1.5 * median);
  return i < 0 ? Number.NaN : (reads[i] as number);
}

export function simulate(world: readonly SimSession[], policy: Policy, s: SimScenario): SimResult {
  const byKey = new Map(world.map((x) => [x.key, x]));
  const posted = new Map(world.map((x) => [x.key, x.changes.findIndex((t) => t > 0)]));
  const firstRead = new Set(world.map((x) => x.key));
  const reads = new Map(world.map((x) => [x.key, [] as number[]]));
  const delays: Record<SessionClass | "all", number[]> = {
    all: [],
    busy: [],
    daily: [],
    quiet: [],
  };
  const starts: number[] = [];
  const tickLimit = Math.ceil(s.budgetPerMinute / 30) + 4;
  const spacing = 60_000 / s.budgetPerMinute;
  let nextSlot = 0;
  const endMs = s.warmupMs + s.measuredMs + s.tailMs;
  const measured = (t: number) => t >= s.warmupMs && t < s.warmupMs + s.measuredMs;
  for (let now = 0; now < endMs; now += 1000) {
    policy.census(now);
    let taken = 0;
    for (const key of policy.due(now)) {
      if (taken >= tickLimit || nextSlot >= now + 1000) break;
      const at = Math.max(now, nextSlot);
      nextSlot = at + spacing;
      taken++;
      starts.push(at);
      const session = byKey.get(key) as SimSession;
      let index = posted.get(key) as number;
      if (index < 0) index = session.changes.length;
      const fresh: number[] = [];
      while (index < session.changes.length && (session.changes[index] as number) <= at) {
        fresh.push(session.changes[index] as number);
        index++;
      }
      posted.set(key, index);
      for (const t of fresh) {
        if (!measured(t)) continue;
        delays.all.push(at - t);
        delays[session.kind].push(at - t);
      }
      // A first read returns the newest page of the history; later ones what is new.
      const seen = firstRead.delete(key)
        ? session.changes.filter((t) => t <= at).slice(-200)
        : fresh;
      policy.read(key, at, seen, fresh.length);
      reads.get(key)?.push(at);
    }
  }
  let unposted = 0;
  for (const x of world) {
    const index = posted.get(x.key) as number;
    for (const t of x.changes.slice(index < 0 ? x.changes.length : index))
      if (measured(t)) unposted++;
  }
  let worstGap = 0;
  for (const times of reads.values()) {
    let last = s.warmupMs;
    for (const t of [...times.filter((x) => x > s.warmupMs), endMs]) {
      worstGap = Math.max(worstGap, t - last);
      last = t;
    }
  }
  const busy = world.filter((x) => x.kind === "busy").map((x) => reads.get(x.key) ?? []);
  const settled = busy.map((r) => settledAt(r)).sort((a, b) => a - b);
  const atFirstRead = busy.filter((r) => settledAt(r) === r[0]).length;
  return {
    delays: {
      all: stats(delays.all),
      busy: stats(delays.busy),
      daily: stats(delays.daily),
      quiet: stats(delays.quiet),
    },
    requests: starts.length,
    max1s: busiest(starts, 1000),
    max60s: busiest(starts, 60_000),
    unposted,
    busySettled: {
      median: settled[Math.floor(settled.length / 2)] ?? Number.NaN,
      max: settled.at(-1) ?? Number.NaN,
      atFirstRead,
      of: busy.length,
    },
    worstGap,
  };
}

const fmt = (ms: number) =>
  Number.isNaN(ms)
    ? "-"
    : ms < 600_000
      ? `${(ms / 1000).toFixed(0)} s`
      : `${(ms / 60_000).toFixed(1)} min`;

export function row(name: string, r: SimResult): string {
  const d = r.delays;
  const pair = (x: Stats) => `${fmt(x.mean)} / ${fmt(x.p95)}`;
  return `| ${name} | ${pair(d.all)} | ${pair(d.busy)} | ${pair(d.daily)} | ${pair(d.quiet)} | ${r.requests} | ${r.max1s} | ${r.max60s} | ${r.unposted} | ${fmt(r.busySettled.median)} / ${fmt(r.busySettled.max)} (${r.busySettled.atFirstRead} of ${r.busySettled.of} at their first read) |`;
}

export const header =
  "| Schedule | all: mean / p95 | busiest 2 %: mean / p95 | few a day: mean / p95 | quiet: mean / p95 | requests | max / 1 s | max / 60 s | unposted | busy settled: median / max |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

export const scenarios: SimScenario[] = [
  {
    label:
      "1,000 sessions, budget 100/min, interval 60 s, after a restart (1 h settling, 6 h measured)",
    sessions: 1000,
    budgetPerMinute: 100,
    intervalMs: minute,
    warm: true,
    warmupMs: hour,
    measuredMs: 6 * hour,
    tailMs: hour,
  },
  {
    label: "1,000 sessions, cold start (nothing known), 6 h measured from the start",
    sessions: 1000,
    budgetPerMinute: 100,
    intervalMs: minute,
    warm: false,
    warmupMs: 0,
    measuredMs: 6 * hour,
    tailMs: hour,
  },
  {
    label:
      "3,000 sessions at the defaults (budget 100/min, interval 60 s): overloaded, after a restart (1 h settling, 6 h measured)",
    sessions: 3000,
    budgetPerMinute: 100,
    intervalMs: minute,
    warm: true,
    warmupMs: hour,
    measuredMs: 6 * hour,
    tailMs: hour,
    overloaded: true,
  },
  {
    label: "50 sessions, budget 100/min, interval 60 s, cold start, 6 h",
    sessions: 50,
    budgetPerMinute: 100,
    intervalMs: minute,
    warm: false,
    warmupMs: 0,
    measuredMs: 6 * hour,
    tailMs: hour,
  },
];

export function runSimulation(only?: string): void {
  for (const s of scenarios) {
    if (only !== undefined && !s.label.startsWith(only)) continue;
    const world = createWorld(s.sessions, s.warmupMs + s.measuredMs + s.tailMs);
    const o: PolicyOptions = {
      intervalMs: s.intervalMs,
      budgetPerMinute: s.budgetPerMinute,
      warm: s.warm,
    };
    console.log(`\n${s.label}\n${header}`);
    const started = performance.now();
    const results: Array<[string, SimResult]> = [
      ["today", simulate(world, todayPolicy(world, o), s)],
      ["new", simulate(world, newPolicy(world, o), s)],
      ["optimum", simulate(world, optimumPolicy(world, o, seeded(5)), s)],
    ];
    for (const [name, r] of results) console.log(row(name, r));
    // Overloaded: how long the worst-off session waited, next to the quiet changes' delays.
    if (s.overloaded) {
      console.log(
        "\n| Schedule | worst session's interval | weekly-quiet changes: mean / p95 |\n| --- | --- | --- |",
      );
      for (const [name, r] of results) {
        const q = r.delays.quiet;
        console.log(
          `| ${name} | ${fmt(r.worstGap)} | ${fmt(q.mean)} / ${fmt(q.p95)} (${q.n} changes) |`,
        );
      }
    }
    console.log(`(simulated in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
}

if (process.argv[1]?.endsWith("simulate.ts")) runSimulation(process.argv[2]);
