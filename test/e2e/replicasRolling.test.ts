/**
 * A rolling restart on one real PostgreSQL: two instances, each in turn gets
 * SIGTERM (exit 0 within 10 s) and is started again, while an interaction
 * arrives every 0.5 s and items keep coming. Make-before-break: every
 * interaction answered exactly once, every item posted once and in order.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { InteractionHandle } from "../fakes/discord/index.js";
import { burst, expectedSchedules, postedSchedules } from "./posts.js";
import {
  linkAndSubscribe,
  type ReplicaWorld,
  standingBy,
  startReplicaWorld,
  steadyInteractions,
} from "./replicaSetup.js";

let world: ReplicaWorld;
beforeAll(async () => {
  world = await startReplicaWorld(6);
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("rolling restart with SIGTERM: every interaction answered once, every item posted once", async () => {
  const { discord, tracker, places } = world;
  let serving = await world.spawn();
  await discord.waitFor(() => serving.serving(), 30_000, "the first instance to serve");
  let standby = await world.spawn();
  await standingBy(world, standby);

  const { channelId } = places.shard0;
  const session = await linkAndSubscribe(world, "tok_rolling_0a1b2c3d4e5f60718293a4b5c");

  const items = burst(40, Date.parse("2026-03-01T00:00:00Z"));
  let added = 0;
  const itemTimer = setInterval(() => {
    if (added < items.length) tracker.addHistory(session, [items[added++]!]);
  }, 700);
  const sent: InteractionHandle[] = [];
  const stopAsking = steadyInteractions(world, sent);

  const exits: { code: number | null; ms: number }[] = [];
  for (let round = 0; round < 2; round++) {
    await sleep(2_000);
    const termAt = Date.now();
    serving.child.process.kill("SIGTERM");
    const exit = await serving.child.exited;
    exits.push({ code: exit.code, ms: Date.now() - termAt });
    await discord.waitFor(() => standby.serving(), 15_000, "the standby to serve");
    serving = standby;
    standby = await world.spawn();
    await standingBy(world, standby);
  }
  await discord.waitFor(() => added >= items.length, 60_000, "every item added");
  clearInterval(itemTimer);
  await sleep(2_000);
  stopAsking();
  await discord.waitFor(
    () => postedSchedules(discord, channelId).length >= items.length,
    30_000,
    "every item posted",
  );
  await sleep(3_000);

  for (const exit of exits) {
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(10_000);
  }
  expect(postedSchedules(discord, channelId)).toEqual(expectedSchedules(items.length));
  expect(sent.length).toBeGreaterThan(30);
  expect(sent.filter((h) => h.responses.length !== 1)).toEqual([]);
  expect(sent.filter((h) => h.responses[0]!.status >= 300)).toEqual([]);
  console.info(
    `[rolling] ${sent.length} interactions answered once; SIGTERM exits ${exits.map((e) => `${e.ms} ms`).join(", ")}`,
  );
}, 240_000);
