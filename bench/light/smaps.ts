/**
 * `npx tsx bench/light/smaps.ts [bot|naive] [sessions=200]`: where a contender's resident memory
 * is after 20 s of idle polling, from /proc/<pid>/smaps: summed by mapping (the node binary,
 * native addons, the V8 heap and malloc arenas are anonymous). Run after a build.
 */
import { readFileSync } from "node:fs";
import { type Kind, spawnContender } from "./contender.js";
import { sleep, waitFor } from "./proc.js";
import { startWorld } from "./world.js";

const kind = (process.argv[2] ?? "bot") as Kind;
const sessions = Number(process.argv[3] ?? "200");
const world = await startWorld({
  members: sessions,
  guilds: Math.ceil(sessions / 4),
  itemsPerSession: 10,
});
const run = spawnContender(kind, world, { intervalS: 3, warmupS: 0, idleS: 0 });
try {
  await waitFor("first poll", 120_000, () => world.tracker.requests.length > 0);
  await sleep(20_000);
  const byMapping = new Map<string, number>();
  let current = "";
  for (const line of readFileSync(`/proc/${run.child.pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) current = (head[1] ?? "").replace(/.*node_modules\//, "") || "[anonymous]";
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) byMapping.set(current, (byMapping.get(current) ?? 0) + Number(rss[1]));
  }
  const total = [...byMapping.values()].reduce((a, b) => a + b, 0);
  console.log(`${kind}: rss ${(total / 1024).toFixed(1)} MiB`);
  for (const [name, kib] of [...byMapping].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`${(kib / 1024).toFixed(1).padStart(7)} MiB  ${name}`);
  }
} finally {
  await run.stop();
  await world.close();
}
