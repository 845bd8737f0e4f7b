/**
 * `npx tsx bench/light/allocations.ts [subscriptions=10000] [seconds=60]`: where the bot allocates
 * while it polls, garbage included: V8's sampling heap profiler (over the inspector protocol,
 * keeping the samples of objects that minor and major collections freed) for `seconds` after a
 * 30 s warm-up, summed by function. What the heap snapshot (heap.ts) cannot show: the memory
 * that is freed again, which is what makes RSS swing between full collections. Run after a build.
 */
import WebSocket from "ws";
import { freePort } from "../../test/fakes/postgres.js";
import { spawnContender } from "./contender.js";
import { sleep, waitFor } from "./proc.js";
import { startWorld } from "./world.js";

const subs = Number(process.argv[2] ?? "10000");
const seconds = Number(process.argv[3] ?? "60");

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** One inspector session: send a method, await its result. */
async function inspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const ws = new WebSocket(targets[0]?.webSocketDebuggerUrl ?? "");
  await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
  let id = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  return {
    send(method: string, params: object = {}): Promise<unknown> {
      id += 1;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
    close: () => ws.close(),
  };
}

/** Bytes sampled per function (name, file, line), largest first. */
function byFunction(root: ProfileNode): [string, number][] {
  const sums = new Map<string, number>();
  const walk = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^.*node_modules\//, "").replace(/^.*\/dist\//, "");
    const name = `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
    sums.set(name, (sums.get(name) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child);
  };
  walk(root);
  return [...sums].sort((a, b) => b[1] - a[1]);
}

const world = await startWorld({ members: subs, guilds: Math.ceil(subs / 4), itemsPerSession: 10 });
const port = await freePort();
const run = spawnContender("bot", world, {
  intervalS: 60,
  warmupS: 0,
  idleS: 0,
  nodeArgs: [`--inspect=127.0.0.1:${port}`],
});
try {
  await waitFor("first poll", 180_000, () => world.tracker.requests.length > 0);
  await sleep(30_000);
  const session = await inspector(port);
  await session.send("HeapProfiler.enable");
  await session.send("HeapProfiler.startSampling", {
    samplingInterval: 32_768,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  world.tracker.resetRequests();
  await sleep(seconds * 1000);
  const { profile } = (await session.send("HeapProfiler.stopSampling")) as {
    profile: { head: ProfileNode };
  };
  session.close();
  const sums = byFunction(profile.head);
  const total = sums.reduce((sum, [, bytes]) => sum + bytes, 0);
  const requests = world.tracker.requests.length;
  console.log(
    `allocated about ${(total / 1048576).toFixed(0)} MiB in ${seconds} s (${requests} tracker requests, ${(total / 1024 / Math.max(1, requests)).toFixed(1)} KiB a request); by function:`,
  );
  for (const [name, bytes] of sums.slice(0, 30)) {
    console.log(
      `${(bytes / 1048576).toFixed(1).padStart(7)} MiB ${((bytes / total) * 100).toFixed(1).padStart(5)} %  ${name}`,
    );
  }
} finally {
  await run.stop();
  await world.close();
}
