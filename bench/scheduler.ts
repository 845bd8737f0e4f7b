/**
 * The lockstep poller (bench/lockstep, the code before the scheduler) and the
 * scheduler side by side, on a clock sped up `speed` times: the fake tracker
 * (latency 150 +- 50 ms, its own limit answering 429 + Retry-After), the
 * budget, the schedule and both poll loops all take their time from it.
 */
import type { Clock } from "../src/util/clock.js";
import { silentLogger } from "../src/log.js";
import { createPoller } from "../src/poller/poller.js";
import type { Store, Subscription } from "../src/store/types.js";
import { createRequestBudget, type RequestBudget } from "../src/tracker/budget.js";
import { createTrackerClient } from "../src/tracker/client.js";
import { createScaledClock } from "../test/fakes/clock.js";
import { startFakeTracker } from "../test/fakes/tracker.js";
import { createMemoryStore } from "../test/poller/memoryStore.js";
import { createPoller as createLockstepPoller } from "./lockstep/poller.js";

export interface Scenario {
  sessions: number;
  busy: number;
  /** Quiet sessions that change in a simulated minute (so their delay can be measured). */
  quietChanges: number;
  budgetPerMinute: number;
  trackerLimitPerMinute: number;
  minutes: number;
  /** Simulated minutes of changes before the measured ones (a cold start finds the busy sessions). */
  warmupMinutes: number;
  /** Simulated minutes after the last change, for the stretched sessions to catch up. */
  tailMinutes: number;
  speed: number;
}

export interface Result {
  requests: number;
  tooMany: number;
  /** Busiest windows of request starts at the bot (the budget's promise). */
  max1s: number;
  max60s: number;
  /** The same as the fake tracker saw them arrive (network jitter included). */
  arrivals1s: number;
  arrivals60s: number;
  busy: { p50: number; p95: number; n: number };
  quiet: { p50: number; p95: number; n: number };
  posted: number;
  expected: number;
  duplicates: number;
  cpuMsPerMinute: number;
  rssMiB: number;
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
};

function busiest(times: number[], windowMs: number): number {
  const at = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < at.length; to++) {
    while ((at[to] as number) - (at[from] as number) >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

async function seed(
  store: Store,
  addToken: (t: string) => void,
  addSession: (t: string) => number,
  n: number,
  now: number,
) {
  const sessions: number[] = [];
  for (let i = 0; i < n; i++) {
    // Two sessions per member, 20 channels.
    const m = Math.floor(i / 2);
    const token = `tok_sched_${m}_00112233445566778899`;
    if (i % 2 === 0) {
      addToken(token);
      await store.accounts.set({
        userId: `${1000 + m}`,
        token,
        nick: `m${m}`,
        linkedAt: new Date(now).toISOString(),
      });
    }
    const session = addSession(token);
    sessions.push(session);
    const sub: Subscription = {
      id: `sub${i}`,
      guildId: "1",
      channelId: `${2000 + (i % 20)}`,
      userId: `${1000 + m}`,
      session,
      filters: {},
      createdAt: new Date(now).toISOString(),
      status: "active",
      pausedReason: null,
      pausedAt: null,
      currentSession: session,
      watermark: null,
      seenAtWatermark: [],
      lastPostAt: null,
    };
    await store.subscriptions.put(sub);
  }
  return sessions;
}

export async function runScenario(kind: "lockstep" | "scheduler", s: Scenario): Promise<Result> {
  const clock: Clock = createScaledClock(s.speed);
  const fake = await startFakeTracker({
    clock,
    latencyMs: () => (100 + Math.random() * 100) / s.speed,
    rateLimit: { perMinute: s.trackerLimitPerMinute },
  });
  const starts: number[] = [];
  const inner: RequestBudget | undefined =
    kind === "scheduler" ? createRequestBudget({ perMinute: s.budgetPerMinute, clock }) : undefined;
  // Records every start, budget or not, on the shared clock.
  const budget: RequestBudget = {
    async acquire(priority) {
      await inner?.acquire(priority);
      starts.push(clock.now());
    },
    rateLimited: (ms) => inner?.rateLimited(ms),
    snapshot: () => inner?.snapshot() as ReturnType<RequestBudget["snapshot"]>,
  };
  const tracker = createTrackerClient({ baseUrl: fake.url, retries: 0, budget });
  const store = createMemoryStore();
  const sessions = await seed(
    store,
    (t) => fake.addToken(t),
    (t) => fake.addSession(t, { active: true }),
    s.sessions,
    clock.now(),
  );
  const changedAt = new Map<number, { at: number; busy: boolean }>();
  const seen = new Set<number>();
  const delays = { busy: [] as number[], quiet: [] as number[] };
  let duplicates = 0;
  const deliver = async (_channelId: string, body: Record<string, unknown>) => {
    const text = JSON.stringify(body);
    for (const match of text.matchAll(/release <t:(\d+):f>/g)) {
      const key = Number(match[1]);
      if (seen.has(key)) duplicates++;
      seen.add(key);
      const change = changedAt.get(key);
      if (change) (change.busy ? delays.busy : delays.quiet).push(clock.now() - change.at);
    }
    return { id: String(seen.size) };
  };
  const common = {
    store,
    tracker,
    deliver,
    notifyUser: async () => undefined,
    logger: silentLogger(),
    now: () => new Date(clock.now()),
    intervalMs: 60_000,
    concurrency: 4,
  };
  const poller =
    kind === "scheduler"
      ? createPoller({ ...common, clock, budgetPerMinute: s.budgetPerMinute })
      : createLockstepPoller({ ...common, clock });

  let itemNo = 0;
  const startedAt = clock.now();
  const change = (session: number, busy: boolean) => {
    const schedule = Date.UTC(2030, 0, 1) / 1000 + ++itemNo * 60;
    const happened = new Date(clock.now());
    fake.addHistory(session, [
      { unit: 60, source: "DICE", happened, schedule: new Date(schedule * 1000) },
    ]);
    // Delays count from the end of the warm-up on.
    if (clock.now() - startedAt >= s.warmupMinutes * 60_000)
      changedAt.set(schedule, { at: clock.now(), busy });
  };
  // Every busy session changes once a minute, a few quiet ones too, each at a random moment.
  const timers: Array<() => void> = [];
  const quietPool = sessions.slice(s.busy);
  const changeMinutes = s.warmupMinutes + s.minutes;
  for (let minute = 0; minute < changeMinutes; minute++) {
    const at = () => minute * 60_000 + Math.random() * 60_000;
    for (const session of sessions.slice(0, s.busy)) {
      timers.push(clock.setTimer(at(), () => change(session, true)));
    }
    for (let k = 0; k < s.quietChanges; k++) {
      const session = quietPool[Math.floor(Math.random() * quietPool.length)] as number;
      timers.push(clock.setTimer(at(), () => change(session, false)));
    }
  }
  const cpuBefore = process.cpuUsage();
  poller.start();
  await new Promise<void>((resolve) =>
    clock.setTimer((changeMinutes + s.tailMinutes) * 60_000, resolve),
  );
  const cpu = process.cpuUsage(cpuBefore);
  await poller.stop();
  for (const cancel of timers) cancel();
  const rssMiB = process.memoryUsage().rss / 1048576;
  const times = fake.requests.map((r) => r.at);
  const result: Result = {
    requests: fake.requests.length,
    tooMany: fake.rateLimited,
    max1s: busiest(starts, 1000),
    max60s: busiest(starts, 60_000),
    arrivals1s: busiest(times, 1000),
    arrivals60s: busiest(times, 60_000),
    busy: {
      p50: quantile(delays.busy, 0.5),
      p95: quantile(delays.busy, 0.95),
      n: delays.busy.length,
    },
    quiet: {
      p50: quantile(delays.quiet, 0.5),
      p95: quantile(delays.quiet, 0.95),
      n: delays.quiet.length,
    },
    posted: [...changedAt.keys()].filter((key) => seen.has(key)).length,
    expected: changedAt.size,
    duplicates,
    cpuMsPerMinute: (cpu.user + cpu.system) / 1000 / (changeMinutes + s.tailMinutes),
    rssMiB,
  };
  await tracker.close();
  await fake.close();
  return result;
}

const sec = (ms: number) => (Number.isNaN(ms) ? "-" : `${(ms / 1000).toFixed(0)} s`);

export function describe(kind: string, r: Result): string {
  return `${kind.padEnd(9)} | 429s ${String(r.tooMany).padStart(5)} | starts max/1 s ${String(r.max1s).padStart(4)} max/60 s ${String(r.max60s).padStart(5)} | arrivals max/1 s ${String(r.arrivals1s).padStart(4)} max/60 s ${String(r.arrivals60s).padStart(5)} | busy p50 ${sec(r.busy.p50)} p95 ${sec(r.busy.p95)} | quiet p50 ${sec(r.quiet.p50)} p95 ${sec(r.quiet.p95)} | posted ${r.posted}/${r.expected} (dup ${r.duplicates}) | requests ${r.requests} | cpu ${r.cpuMsPerMinute.toFixed(0)} ms/min | rss ${r.rssMiB.toFixed(0)} MiB`;
}
