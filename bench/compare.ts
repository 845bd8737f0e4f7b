/**
 * The three scenarios of issue #8: the lockstep poller (bench/lockstep) and
 * the scheduler side by side; see bench/scheduler.ts for what is measured.
 */
import { describe, runScenario, type Scenario } from "./scheduler.js";

// Lockstep (the poller before the scheduler, bench/lockstep) against the scheduler, 20x sped-up clock.
const speed = 20;
const scenarios: Array<[string, Scenario, Array<"lockstep" | "scheduler">]> = [
  [
    "1000 sessions, 20 busy, budget 100/min, tracker limit 120/min: 30 min warm-up, 10 min measured, 16 min tail",
    {
      sessions: 1000,
      busy: 20,
      quietChanges: 5,
      budgetPerMinute: 100,
      trackerLimitPerMinute: 120,
      warmupMinutes: 30,
      minutes: 10,
      tailMinutes: 16,
      speed,
    },
    ["lockstep", "scheduler"],
  ],
  [
    "50 sessions, 20 busy, budget 100/min, tracker limit 120/min, 10 min (+2 min tail)",
    {
      sessions: 50,
      busy: 20,
      quietChanges: 5,
      budgetPerMinute: 100,
      trackerLimitPerMinute: 120,
      warmupMinutes: 0,
      minutes: 10,
      tailMinutes: 2,
      speed,
    },
    ["lockstep", "scheduler"],
  ],
  [
    "10000 sessions, 20 busy, budget 100/min, 5 min",
    {
      sessions: 10_000,
      busy: 20,
      quietChanges: 5,
      budgetPerMinute: 100,
      trackerLimitPerMinute: 120,
      warmupMinutes: 0,
      minutes: 5,
      tailMinutes: 0,
      speed,
    },
    ["scheduler"],
  ],
];

export async function runComparison(only?: string): Promise<void> {
  for (const [label, scenario, kinds] of scenarios) {
    if (only !== undefined && !label.startsWith(only)) continue;
    console.log(`\n${label}`);
    for (const kind of kinds) console.log(describe(kind, await runScenario(kind, scenario)));
    const mem = process.memoryUsage();
    console.log(
      `  rss after: ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`,
    );
  }
}

// `npx tsx bench/compare.ts [label prefix]` runs just this part.
if (process.argv[1]?.endsWith("compare.ts")) await runComparison(process.argv[2]);
