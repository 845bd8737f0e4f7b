/**
 * `npx tsx bench/light/heap.ts [sessions=200]`: a heap snapshot of the bot after 20 s of idle
 * polling (--heapsnapshot-signal), summed by constructor / kind: what the heap holds. Run after
 * a build (`npm run bench:light` builds). The snapshot file is left in the printed folder.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { spawnContender } from "./contender.js";
import { memory, sleep, waitFor } from "./proc.js";
import { startWorld } from "./world.js";

const sessions = Number(process.argv[2] ?? "200");
const world = await startWorld({
  members: sessions,
  guilds: Math.ceil(sessions / 4),
  itemsPerSession: 10,
});
const run = spawnContender("bot", world, {
  intervalS: 3,
  warmupS: 0,
  idleS: 0,
  nodeArgs: ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${world.dir}`],
});
const pid = run.child.pid as number;
try {
  await waitFor("first poll", 120_000, () => world.tracker.requests.length > 0);
  await sleep(20_000);
  console.log(`rss before the snapshot: ${memory(pid).rssMiB.toFixed(0)} MiB`);
  run.child.kill("SIGUSR2");
  const find = () => readdirSync(world.dir).find((f) => f.endsWith(".heapsnapshot"));
  await waitFor("the snapshot", 120_000, () => find() !== undefined);
  const file = path.join(world.dir, find() as string);
  // Written in pieces: done once it parses.
  for (let tries = 0; ; tries++) {
    await sleep(3000);
    try {
      summarise(file);
      break;
    } catch (err) {
      if (tries > 40) throw err;
    }
  }
} finally {
  await run.stop();
  await world.close();
}

function summarise(file: string): void {
  const snap = JSON.parse(readFileSync(file, "utf8"));
  const fields: string[] = snap.snapshot.meta.node_fields;
  const types: string[] = snap.snapshot.meta.node_types[0];
  const width = fields.length;
  const iType = fields.indexOf("type");
  const iName = fields.indexOf("name");
  const iSize = fields.indexOf("self_size");
  const byName = new Map<string, { size: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + iType]] as string;
    const name =
      type === "object" || type === "native" ? snap.strings[snap.nodes[i + iName]] : `(${type})`;
    const size = snap.nodes[i + iSize] as number;
    total += size;
    const entry = byName.get(name) ?? { size: 0, count: 0 };
    entry.size += size;
    entry.count++;
    byName.set(name, entry);
  }
  console.log(
    `heap snapshot: ${(total / 1048576).toFixed(1)} MiB in ${snap.nodes.length / width} objects`,
  );
  for (const [name, e] of [...byName].sort((a, b) => b[1].size - a[1].size).slice(0, 25)) {
    console.log(
      `${(e.size / 1048576).toFixed(2).padStart(7)} MiB ${String(e.count).padStart(8)}  ${name.slice(0, 80)}`,
    );
  }
}
