/**
 * Two and three bot processes on one real PostgreSQL: one serves (both
 * shards, interactions, polling), the others stand by; every interaction is
 * acknowledged at most once; items are posted once and in order across a
 * SIGKILL of the server (taken over within 15 s) and a make-before-break
 * SIGTERM hand-over (exit 0 within 10 s, every interaction answered).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { InteractionHandle } from "../fakes/discord/index.js";
import { burst, expectedSchedules, postedSchedules } from "./posts.js";
import {
  health,
  linkAndSubscribe,
  type ReplicaWorld,
  standingBy,
  startReplicaWorld,
  steadyInteractions,
  waitServing,
} from "./replicaSetup.js";

let world: ReplicaWorld;
beforeAll(async () => {
  world = await startReplicaWorld(6);
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const sent: InteractionHandle[] = [];
const answered = (h: InteractionHandle) => h.responses.some((r) => r.status < 300);

/** Time from `since` to the first answer of an interaction dispatched after it. */
async function firstAnswerAfter(since: number, what: string): Promise<number> {
  let at = 0;
  await world.discord.waitFor(
    () => {
      const h = sent.find((s) => s.dispatchedAt >= since && answered(s));
      at = h ? h.responses[0]!.at : 0;
      return h !== undefined;
    },
    20_000,
    what,
  );
  return at - since;
}

it("serves from one instance at a time, takes over after SIGKILL and SIGTERM, answers and posts once", async () => {
  const { discord, tracker, places } = world;
  const a = await world.spawn();
  const server = await waitServing(world, [a], "the first instance to serve");
  await discord.waitFor(() => discord.gateway.identifies.length >= 2, 30_000, "both shards");
  const b = await world.spawn();
  await standingBy(world, b);
  const standby = await health(b.healthPort);
  expect(standby).toMatchObject({ status: 200, body: { role: "standby" } });
  // One gateway session per shard: the standby never identified.
  expect(discord.gateway.identifies.map((i) => i.shard).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);

  // A member links and subscribes through whichever instance serves.
  const { channelId } = places.shard0;
  const session = await linkAndSubscribe(world, "tok_replica_0a1b2c3d4e5f60718293a4b5c6");
  const start = Date.parse("2026-03-01T00:00:00Z");
  const items = burst(60, start);
  tracker.addHistory(session, items.slice(0, 20));
  await discord.waitFor(
    () => postedSchedules(discord, channelId).length >= 20,
    30_000,
    "first posts",
  );

  const stop = steadyInteractions(world, sent);
  await new Promise((r) => setTimeout(r, 1500));
  const killedAt = Date.now();
  server.child.process.kill("SIGKILL");
  tracker.addHistory(session, items.slice(20, 40));
  const next = await waitServing(world, [b], "b to take over");
  const answerGap = await firstAnswerAfter(killedAt, "an answer after the SIGKILL");
  await discord.waitFor(
    () => postedSchedules(discord, channelId).length >= 40,
    30_000,
    "posts after kill",
  );
  const postGap = Date.now() - killedAt;
  expect(answerGap).toBeLessThan(15_000);
  expect(next.child.output()).toMatch(/took over the gateway, interactions and polling from /);
  const served = await health(next.healthPort);
  expect(served).toMatchObject({
    status: 200,
    body: { replica: { role: "serving", takeovers: 1, holds: { shards: [0, 1], sources: 1 } } },
  });
  const metrics = await (await fetch(`http://127.0.0.1:${next.healthPort}/metrics`)).text();
  expect(metrics).toContain('ct_bot_leases_held{lease="serve"} 1');
  expect(metrics).toContain("ct_bot_lease_takeovers_total 1");

  // Rolling: a third instance stands by, the server gets SIGTERM and exits 0 within 10 s.
  const c = await world.spawn();
  await standingBy(world, c);
  tracker.addHistory(session, items.slice(40));
  const termAt = Date.now();
  next.child.process.kill("SIGTERM");
  const exit = await next.child.exited;
  const exitMs = Date.now() - termAt;
  expect(exit.code).toBe(0);
  expect(exitMs).toBeLessThan(10_000);
  await waitServing(world, [c], "c to take over");
  // The line is written once the claim returns, which /healthz may report a moment before.
  await discord.waitFor(
    () =>
      /took over the gateway, interactions and polling from .* \(hand-over\)/.test(
        c.child.output(),
      ),
    5_000,
    "c's hand-over line",
  );
  expect(next.child.output()).toMatch(/handed the lease over to /);
  const termGap = await firstAnswerAfter(termAt, "an answer after the SIGTERM");
  await discord.waitFor(
    () => postedSchedules(discord, channelId).length >= 60,
    30_000,
    "all posts",
  );
  // Enough interactions after the SIGTERM to say something (one every 0.5 s; a fast hand-over
  // and quick posts must not leave the window nearly empty), then time for their answers.
  await discord.waitFor(
    () => sent.filter((h) => h.dispatchedAt >= termAt).length > 5,
    30_000,
    "interactions after the SIGTERM",
  );
  await new Promise((r) => setTimeout(r, 2000));
  stop();
  await new Promise((r) => setTimeout(r, 3000));

  // Once and in order, across both take-overs.
  expect(postedSchedules(discord, channelId)).toEqual(expectedSchedules(60));
  // Never two acknowledgements (nor a second attempt) for one interaction.
  expect(sent.filter((h) => h.responses.length > 1)).toEqual([]);
  const unanswered = sent.filter((h) => !answered(h)).length;
  // Make-before-break: from the SIGTERM on, every interaction was answered (the successor was
  // connected before the last holder let go, and answered what arrived in between).
  const afterTerm = sent.filter((h) => h.dispatchedAt >= termAt);
  expect(afterTerm.length).toBeGreaterThan(5);
  expect(afterTerm.filter((h) => !answered(h))).toEqual([]);
  console.info(
    `[replicas] SIGKILL -> first answer ${answerGap} ms, -> posts ${postGap} ms; SIGTERM -> exit ${exitMs} ms, -> first answer ${termGap} ms; ${sent.length} interactions, ${unanswered} unanswered (sent while no instance was connected after the SIGKILL), ${afterTerm.length} after the SIGTERM all answered`,
  );
  expect(sent.length - unanswered).toBeGreaterThan(sent.length / 2);
}, 180_000);
