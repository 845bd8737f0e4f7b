/**
 * Fencing: the serving instance is paused (SIGSTOP) long past its lease while
 * items and interactions keep coming; the standby serves both within 15 s.
 * Resumed (SIGCONT), the old server posts nothing and acknowledges nothing,
 * and stands by. The lease is shortened to 4 s so the pause can be 15 s; the
 * mechanism is the same as with the default 10 s and a 40 s pause.
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
  waitServing,
} from "./replicaSetup.js";

let world: ReplicaWorld;
beforeAll(async () => {
  world = await startReplicaWorld(4);
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("a paused server that lost its lease posts nothing and acknowledges nothing once resumed", async () => {
  const { discord, tracker, places } = world;
  const { channelId } = places.shard0;
  const a = await world.spawn();
  await waitServing(world, [a], "a to serve");
  const b = await world.spawn();
  await standingBy(world, b);

  const session = await linkAndSubscribe(world, "tok_fence_0a1b2c3d4e5f60718293a4b5c6d7");
  const items = burst(40, Date.parse("2026-03-01T00:00:00Z"));
  tracker.addHistory(session, items.slice(0, 10));
  await discord.waitFor(() => postedSchedules(discord, channelId).length >= 10, 30_000, "posts");

  const sent: InteractionHandle[] = [];
  const stopAsking = steadyInteractions(world, sent);

  const pausedAt = Date.now();
  a.child.process.kill("SIGSTOP");
  tracker.addHistory(session, items.slice(10, 30));
  await waitServing(world, [b], "b to take over from the paused a");
  await discord.waitFor(
    () => postedSchedules(discord, channelId).length >= 30,
    30_000,
    "posts by b",
  );
  const servedWithin = Date.now() - pausedAt;
  expect(servedWithin).toBeLessThan(15_000 + 5_000);
  await sleep(Math.max(0, 15_000 - (Date.now() - pausedAt)));

  a.child.process.kill("SIGCONT");
  tracker.addHistory(session, items.slice(30));
  await discord.waitFor(
    () => a.child.output().includes("lost the serve lease"),
    10_000,
    "a to notice its lease is gone",
  );
  await discord.waitFor(() => postedSchedules(discord, channelId).length >= 40, 30_000, "the rest");
  await sleep(5_000);
  stopAsking();
  await sleep(3_000);

  expect(postedSchedules(discord, channelId)).toEqual(expectedSchedules(40));
  expect(sent.filter((h) => h.responses.length > 1)).toEqual([]);
  // Interactions sent while a was paused were answered by b (after its take-over).
  const afterTakeover = sent.filter((h) => h.dispatchedAt > pausedAt + 12_000);
  expect(afterTakeover.length).toBeGreaterThan(5);
  expect(afterTakeover.filter((h) => h.responses.length === 0)).toEqual([]);
  expect(b.serving()).toBe(true);
  expect(a.serving()).toBe(false);
}, 180_000);
