/**
 * `npx tsx bench/light/gcFlags.ts [sessions=200]`: the bot under different node flags, RSS and
 * CPU together with what the garbage collector did (--trace-gc): a flag that saves memory by
 * collecting more often must be paid in CPU, and this says how much. Each configuration runs
 * in its own world: warm-up 9 s, then 30 s idle, 3 s interval (as bench:light).
 * Env: GC_CONFIGS (comma-separated; "none" is plain node; default none, semi-spaces of 1, 2, 4 MB
 * and npm start's two flags), GC_ROUNDS (1). Run after a build.
 */
import { spawnContender } from "./contender.js";
import { cpuMs, memory, sleep, waitFor } from "./proc.js";
import { startWorld } from "./world.js";

const sessions = Number(process.argv[2] ?? "200");
const configs = (
  process.env.GC_CONFIGS ??
  "none,--max-semi-space-size=1,--max-semi-space-size=2,--max-semi-space-size=4,--max-semi-space-size=4 --heap-growing-percent=30"
).split(",");
const rounds = Number(process.env.GC_ROUNDS ?? "1");

/** Collections in --trace-gc lines: count and summed pause per kind. */
function collections(text: string) {
  const out = { scavenges: 0, scavengeMs: 0, full: 0, fullMs: 0 };
  for (const line of text.split("\n")) {
    const kind = / ms: (Scavenge|Minor|Mark-Compact|Mark-sweep)/.exec(line)?.[1];
    if (kind === undefined) continue;
    const ms = Number(/MB, ([\d.]+) \/ [\d.]+ ms/.exec(line)?.[1] ?? 0);
    if (kind === "Scavenge" || kind === "Minor") {
      out.scavenges++;
      out.scavengeMs += ms;
    } else {
      out.full++;
      out.fullMs += ms;
    }
  }
  return out;
}

async function one(config: string): Promise<string> {
  const world = await startWorld({
    members: sessions,
    guilds: Math.ceil(sessions / 4),
    itemsPerSession: 10,
  });
  // The flags under test replace npm start's (contender.ts reads this).
  process.env.LIGHT_BOT_NODE_FLAGS = config;
  const run = spawnContender("bot", world, {
    intervalS: 3,
    warmupS: 0,
    idleS: 0,
    nodeArgs: ["--trace-gc"],
  });
  const pid = run.child.pid as number;
  try {
    await waitFor("first poll", 120_000, () => world.tracker.requests.length > 0);
    await sleep(9000);
    world.tracker.resetRequests();
    const outputFrom = run.output().length;
    const cpuStart = cpuMs(pid);
    const started = performance.now();
    const rss: number[] = [];
    for (let s = 0; s < 30; s++) {
      await sleep(1000);
      rss.push(memory(pid).rssMiB);
    }
    const cpu = cpuMs(pid) - cpuStart;
    const wall = performance.now() - started;
    const gc = collections(run.output().slice(outputFrom));
    const requests = world.tracker.requests.length;
    const idle = rss.reduce((a, b) => a + b, 0) / rss.length;
    return `| ${config} | ${idle.toFixed(0)} / ${memory(pid).peakMiB.toFixed(0)} MiB | ${((cpu / wall) * 100).toFixed(1)} % (${(cpu / Math.max(1, requests)).toFixed(2)} ms) | ${gc.scavenges} (${gc.scavengeMs.toFixed(0)} ms) | ${gc.full} (${gc.fullMs.toFixed(0)} ms) |`;
  } finally {
    await run.stop();
    await world.close();
  }
}

const lines = [
  `| ${sessions} sessions, 30 s idle | RSS idle mean / peak | CPU, % of a core (per request) | scavenges (pauses) | full collections (pauses) |`,
  "|---|---|---|---|---|",
];
for (let round = 0; round < rounds; round++) {
  for (const config of configs) lines.push(await one(config));
}
console.log(lines.join("\n"));
