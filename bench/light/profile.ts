/**
 * `npx tsx bench/light/profile.ts file.cpuprofile [fromS] [toS]`: the top frames of a
 * `--cpu-prof` profile by self time, only the samples between fromS and toS seconds after the
 * profile started (the idle window of a light bench run), and the same summed by package/file;
 * then by inclusive time (a frame and everything it called), which names the costly paths
 * whose own frames are small. PROFILE_TOP: how many rows (default 25).
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile.ts file.cpuprofile [fromS] [toS]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const fromUs = Number(fromArg ?? "0") * 1e6;
const toUs = Number(toArg ?? "1e9") * 1e6;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const self = new Map<string, number>();
/** For each frame key: time by its callers' chain (PROFILE_DEPTH frames up, default 4). */
const callers = new Map<string, Map<string, number>>();
const depth = Number(process.env.PROFILE_DEPTH ?? "4");
const byFile = new Map<string, number>();
/** Inclusive time: each sample counted once for every distinct frame on its stack. */
const inclusive = new Map<string, number>();
const topN = Number(process.env.PROFILE_TOP ?? "25");
let at = 0;
let total = 0;
for (const [i, id] of profile.samples.entries()) {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at < fromUs || at > toUs) continue;
  const frame = byId.get(id)?.callFrame;
  if (!frame) continue;
  const place = shortUrl(frame.url);
  const key = frameKey(frame);
  self.set(key, (self.get(key) ?? 0) + delta);
  const chain = callerChain(id);
  const byChain = callers.get(key) ?? new Map<string, number>();
  byChain.set(chain, (byChain.get(chain) ?? 0) + delta);
  callers.set(key, byChain);
  const group = groupOf(place, frame.functionName);
  byFile.set(group, (byFile.get(group) ?? 0) + delta);
  for (const onStack of stackKeys(id))
    inclusive.set(onStack, (inclusive.get(onStack) ?? 0) + delta);
  total += delta;
}

function frameKey(frame: Node["callFrame"]): string {
  return `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

/** The distinct frames from a sample up to the root (a recursive frame counted once). */
function stackKeys(id: number): Set<string> {
  const keys = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const f = byId.get(at)?.callFrame;
    if (!f || f.functionName === "(root)") break;
    keys.add(frameKey(f));
  }
  return keys;
}

function callerChain(id: number): string {
  const names: string[] = [];
  let at = parentOf.get(id);
  while (at !== undefined && names.length < depth) {
    const f = byId.get(at)?.callFrame;
    if (!f || f.functionName === "(root)") break;
    names.push(
      `${f.functionName || "(anon)"}@${shortUrl(f.url).split("/").at(-1)}:${f.lineNumber + 1}`,
    );
    at = parentOf.get(at);
  }
  return names.join(" < ");
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, "$1/");
}

function groupOf(place: string, name: string): string {
  const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(place)?.[1];
  if (pkg) return pkg;
  if (place.startsWith("dist/")) return place;
  if (place.startsWith("node:")) return place;
  return place || name;
}

const print = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`,
    );
  }
};
print("top frames by self time", self, topN);
print("by package or file", byFile, topN);
print("by inclusive time", inclusive, topN);
console.log("\ncallers of the top frames");
const top = [...self]
  .filter(([k]) => !k.startsWith("("))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 10);
for (const [key] of top) {
  console.log(key);
  const chains = [...(callers.get(key) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, 2);
  for (const [chain, us] of chains) console.log(`   ${(us / 1000).toFixed(0)} ms  < ${chain}`);
}
