/**
 * `npx tsx bench/light/threads.ts [bot|naive] [sessions=200]`: which threads of the contender
 * spend the idle CPU (per-thread times from /proc/<pid>/task), after a 15 s warm-up, over 20 s.
 * Run after a build (`npm run bench:light` builds both). LIGHT_NODE_ARGS: extra node flags
 * for the contender, space-separated (e.g. `--trace-gc`, `--single-threaded-gc`), to tell the
 * garbage collector's helper threads from the rest. LIGHT_ENV: extra environment for the
 * contender, `NAME=value` space-separated (e.g. `POLL_CONCURRENCY=16`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { type Kind, spawnContender } from "./contender.js";
import { sleep, waitFor } from "./proc.js";
import { startWorld } from "./world.js";

const kind = (process.argv[2] ?? "bot") as Kind;
const sessions = Number(process.argv[3] ?? "200");

interface Times {
  user: number;
  sys: number;
  /** Voluntary context switches: how often the thread went to sleep (wake-ups). */
  wakeups: number;
}

function threads(pid: number): Map<string, Times> {
  const out = new Map<string, Times>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, "utf8");
      const wakeups = Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1]);
      out.set(`${name} ${tid}`, { user: Number(f[11]) * 10, sys: Number(f[12]) * 10, wakeups });
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

const world = await startWorld({
  members: sessions,
  guilds: Math.ceil(sessions / 4),
  itemsPerSession: 10,
});
const nodeArgs = (process.env.LIGHT_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
const env = Object.fromEntries(
  (process.env.LIGHT_ENV ?? "")
    .split(" ")
    .filter((a) => a.includes("="))
    .map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]),
);
const run = spawnContender(kind, world, { intervalS: 3, warmupS: 0, idleS: 0, nodeArgs, env });
const pid = run.child.pid as number;
try {
  await waitFor("first poll", 120_000, () => world.tracker.requests.length > 0);
  await sleep(15_000);
  const before = threads(pid);
  world.tracker.resetRequests();
  await sleep(20_000);
  const after = threads(pid);
  const requests = world.tracker.requests.length;
  const gcLines = (text: string) => text.split("\n").filter((l) => /Scavenge|Mark-Compact/.test(l));
  const scavenges = gcLines(run.output()).length;
  if (scavenges > 0) console.log(`${scavenges} GC lines (--trace-gc) since start`);
  console.log(`${kind}, ${sessions} sessions, 20 s idle, ${requests} tracker requests`);
  const zero = { user: 0, sys: 0, wakeups: 0 };
  const rows = [...after].map(([k, v]) => {
    const b = before.get(k) ?? zero;
    return { k, user: v.user - b.user, sys: v.sys - b.sys, wakeups: v.wakeups - b.wakeups };
  });
  rows.sort((a, b) => b.user + b.sys - (a.user + a.sys));
  for (const r of rows.filter((r) => r.user + r.sys > 0 || r.wakeups > 100)) {
    const ms = r.user + r.sys;
    console.log(
      `${String(ms).padStart(6)} ms (user ${r.user}, sys ${r.sys})  ${(ms / requests).toFixed(3)} ms/req  ${r.wakeups} wake-ups  ${r.k}`,
    );
  }
} finally {
  await run.stop();
  await world.close();
}
