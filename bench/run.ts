/**
 * `npm run bench`: how the hot paths scale on this machine. Prints one line
 * per measurement; bench/README.md keeps a dated copy of the figures.
 * Machines here are shared and noisy: read the numbers as orders of magnitude.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { historiesFeed } from "../src/feeds/histories.js";
import { buildDeliveryMessages } from "../src/format/delivery.js";
import { silentLogger } from "../src/log.js";
import { detectNew } from "../src/feeds/historyDetect.js";
import { createPoller } from "../src/poller/poller.js";
import { createTokenCipher } from "../src/store/crypto.js";
import { openStore } from "../src/store/keyvStore.js";
import type { Subscription } from "../src/store/types.js";
import { createTrackerClient } from "../src/tracker/client.js";
import type { HistoryItem } from "../src/tracker/types.js";
import { startFakeTracker } from "../test/fakes/tracker.js";
import { runComparison } from "./compare.js";
import { runSimulation } from "./simulate.js";
import { runTakeover } from "./takeover.js";

function time<T>(label: string, runs: number, fn: () => T): void {
  for (let i = 0; i < Math.min(runs, 20); i++) fn(); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  const perRunUs = Number(process.hrtime.bigint() - start) / 1000 / runs;
  console.log(
    `${label}: ${perRunUs < 1000 ? `${perRunUs.toFixed(1)} µs` : `${(perRunUs / 1000).toFixed(2)} ms`} per run (${runs} runs)`,
  );
}

function items(count: number, session = 1): HistoryItem[] {
  const base = Date.UTC(2026, 1, 3);
  return Array.from({ length: count }, (_, i) => ({
    session,
    type: "ADD" as const,
    unit: 60 + i,
    source: "DICE" as const,
    dom: i % 7 === 0,
    schedule: new Date(base + 86_400_000 + i * 60_000),
    happened: new Date(base + i * 250),
  }));
}

async function pollCycle(subscriptionCount: number, members: number) {
  const tracker = await startFakeTracker();
  const dir = await mkdtemp(path.join(tmpdir(), "ct-bot-bench-"));
  const store = await openStore({
    databaseUrl: `sqlite://${path.join(dir, "bench.sqlite")}`,
    cipher: createTokenCipher({ current: Buffer.alloc(32, 1) }),
    logger: silentLogger(),
  });
  const client = createTrackerClient({ baseUrl: tracker.url });
  const sessions: number[] = [];
  for (let m = 0; m < members; m++) {
    const token = `tok_bench_${m}_00112233445566778899`;
    tracker.addToken(token, { nick: `m${m}` });
    sessions.push(tracker.addSession(token, { active: true }));
    await store.accounts.set({
      userId: `${1000 + m}`,
      token,
      nick: `m${m}`,
      linkedAt: new Date().toISOString(),
    });
  }
  for (let s = 0; s < subscriptionCount; s++) {
    const m = s % members;
    const sub: Subscription = {
      id: `sub${s}`,
      guildId: "1",
      channelId: `${2000 + (s % 20)}`,
      userId: `${1000 + m}`,
      session: sessions[m]!,
      filters: s % 3 === 0 ? { source: "DICE" } : {},
      createdAt: new Date().toISOString(),
      status: "active",
      pausedReason: null,
      pausedAt: null,
      currentSession: sessions[m]!,
      watermark: new Date().toISOString(),
      seenAtWatermark: [],
      lastPostAt: null,
    };
    await store.subscriptions.put(sub);
  }
  let posted = 0;
  const poller = createPoller({
    store,
    tracker: client,
    logger: silentLogger(),
    intervalMs: 1000,
    concurrency: 4,
    deliver: async () => ({ id: String(++posted) }),
    notifyUser: async () => undefined,
  });
  await poller.runCycle();
  tracker.resetRequests();
  const idleStart = performance.now();
  const idle = await poller.runCycle();
  const idleMs = performance.now() - idleStart;
  for (const [m, session] of sessions.entries()) {
    tracker.addHistory(session, [
      { unit: 60 + m, source: "DICE", happened: new Date(Date.now() + 1000) },
    ]);
  }
  const busyStart = performance.now();
  const busy = await poller.runCycle();
  const busyMs = performance.now() - busyStart;
  console.log(
    `poll cycle, ${subscriptionCount} subscriptions of ${members} members in 20 channels: idle ${idleMs.toFixed(0)} ms (${idle.trackerRequests} tracker requests), with one new item per member ${busyMs.toFixed(0)} ms (${busy.itemsDelivered} items in ${busy.messagesSent} messages)`,
  );
  await poller.stop();
  await client.close();
  await store.close();
  await tracker.close();
  await rm(dir, { recursive: true, force: true });
}

const batch = items(5000);
time("detectNew over 5000 fetched items (oldest first)", 200, () =>
  detectNew(
    { watermark: batch[2500]!.happened.toISOString(), seenAtWatermark: [] },
    { source: "DICE" },
    batch,
  ),
);
time("buildDeliveryMessages, 60 members x 1 item", 500, () =>
  buildDeliveryMessages(
    Array.from({ length: 60 }, (_, i) => ({
      userId: `${i}`,
      nick: `member${i}`,
      session: i,
      // The history feed's lines, made here as a post makes them (src/feeds/group.ts).
      lines: items(1, i).map((item) => historiesFeed.line(item, "en")),
    })),
  ),
);
time("buildDeliveryMessages, 1 member x 250 items", 200, () =>
  buildDeliveryMessages([
    {
      userId: "1",
      nick: "lucy",
      session: 1,
      lines: items(250).map((item) => historiesFeed.line(item, "en")),
    },
  ]),
);
const cipher = createTokenCipher({ current: Buffer.alloc(32, 7) });
time("token encrypt + decrypt (AES-256-GCM)", 20_000, () =>
  cipher.decrypt(cipher.encrypt("tok_0123456789abcdef0123456789abcdef")),
);
await pollCycle(200, 100);
await pollCycle(1000, 500);
const mem = process.memoryUsage();
console.log(
  `memory after the runs: rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`,
);

await runComparison();
runSimulation();
await runTakeover();
