/**
 * Everything a poller test needs: the real tracker client against the
 * loopback fake tracker, an in-memory store, a recording Discord, a
 * captured log and a hand-driven clock. No sleeps: tests call runCycle().
 */
import { Writable } from "node:stream";
import { createLogger } from "../../src/log.js";
import { createPoller, type Poller, type PollerDeps } from "../../src/poller/poller.js";
import type { Subscription, SubscriptionFilters } from "../../src/store/types.js";
import { startingStateFor } from "../../src/subscriptions/start.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import type { TrackerClient } from "../../src/tracker/types.js";
import {
  type FakeHistoryInput,
  type FakeTracker,
  fingerprint as fingerprintOf,
  startFakeTracker,
} from "../fakes/tracker.js";
import { createDiscordFake, type DiscordFake, postedSchedules } from "./discordFake.js";
import { createMemoryStore, type MemoryStore } from "./memoryStore.js";

export const intervalMs = 60_000;
/** Items happen from here on; `item(i)` happens i seconds later. */
export const base = Date.parse("2026-02-10T10:00:00.000Z");
const scheduleBase = base + 86_400_000;

/** A DICE +1 h item, i seconds after `base`, whose schedule (minute i after `scheduleBase`) identifies it in a post. */
export function item(i: number, overrides: FakeHistoryInput = {}): FakeHistoryInput {
  return {
    type: "ADD",
    unit: 3600,
    source: "DICE",
    happened: new Date(base + i * 1000),
    schedule: new Date(scheduleBase + i * 60_000),
    ...overrides,
  };
}

/** Back from a posted `release <t:N:f>` to the schedule index passed to item(). */
export function scheduleIndex(unixSeconds: number): number {
  return (unixSeconds * 1000 - scheduleBase) / 60_000;
}

/** [from, to) as an array, for expected item indexes. */
export const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => from + i);

/** Indexes (see `item`) of the items posted, in posting order, in one channel or all. */
export function deliveredIn(t: Harness, channelId?: string): number[] {
  return postedSchedules(channelId ? t.discord.inChannel(channelId) : t.discord.posted).map(
    scheduleIndex,
  );
}

/** A linked member with one session (one existing item) and a subscription to it, posting into `channelId`. */
export async function subscribedMember(t: Harness, userId = "u1", channelId = "c1", nick?: string) {
  const token = await t.link(userId, nick);
  const session = t.fake.addSession(token);
  t.fake.addHistory(session, [item(0)]);
  const sub = await t.subscribe({ userId, channelId, session });
  return { token, session, sub };
}

export interface Harness {
  fake: FakeTracker;
  tracker: TrackerClient;
  store: MemoryStore;
  discord: DiscordFake;
  dms: Array<{ userId: string; text: string }>;
  logs: Array<Record<string, unknown>>;
  logText: () => string;
  now: () => Date;
  advance(ms: number): void;
  /** Links `userId` with a fresh token known to the fake tracker. */
  link(userId: string, nick?: string): Promise<string>;
  subscribe(options: {
    userId: string;
    channelId: string;
    session: number | null;
    /** For a follower: the session it polls now (default: resolved like /subscribe). */
    currentSession?: number | null;
    filters?: SubscriptionFilters;
    /** Start from scratch instead of at the newest existing item. */
    fromScratch?: boolean;
  }): Promise<Subscription>;
  sub(id: string): Promise<Subscription>;
  poller(overrides?: Partial<PollerDeps>): Poller;
  /** Requests to an endpoint since the last resetRequests(). */
  count(endpoint: "histories" | "sessions" | "session", token?: string): number;
  close(): Promise<void>;
}

let subCounter = 0;

export async function createHarness(
  options: { trackerTimeoutMs?: number; failDm?: boolean } = {},
): Promise<Harness> {
  const fake = await startFakeTracker();
  const tracker = createTrackerClient({
    baseUrl: fake.url,
    retries: 0,
    timeoutMs: options.trackerTimeoutMs ?? 2_000,
  });
  const store = createMemoryStore();
  const discord = createDiscordFake();
  const dms: Harness["dms"] = [];
  const logs: Harness["logs"] = [];
  const rawLogs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      rawLogs.push(text);
      for (const line of text.split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  let clock = Date.parse("2026-02-10T12:00:00.000Z");
  const tokens = new Map<string, string>();
  const now = () => new Date(clock);

  const harness: Harness = {
    fake,
    tracker,
    store,
    discord,
    dms,
    logs,
    logText: () => rawLogs.join(""),
    now,
    advance(ms) {
      clock += ms;
    },
    async link(userId, nick = `nick-${userId}`) {
      const token = `token-${userId}-${Math.random().toString(36).slice(2)}`;
      fake.addToken(token, { nick });
      tokens.set(userId, token);
      await store.accounts.set({ userId, token, nick, linkedAt: now().toISOString() });
      return token;
    },
    async subscribe(o) {
      const token = tokens.get(o.userId);
      let current = o.session;
      if (o.currentSession !== undefined) current = o.currentSession;
      else if (o.session === null && token !== undefined) {
        const page = await tracker.sessions(token, { active: true });
        current = page.items[0]?.id ?? null;
      }
      const start =
        o.fromScratch || token === undefined
          ? { watermark: null, seenAtWatermark: [] }
          : await startingStateFor(tracker, token, current);
      const sub: Subscription = {
        id: `sub${++subCounter}`,
        guildId: "guild1",
        channelId: o.channelId,
        userId: o.userId,
        session: o.session,
        filters: o.filters ?? {},
        createdAt: now().toISOString(),
        status: "active",
        pausedReason: null,
        pausedAt: null,
        currentSession: current,
        ...start,
        lastPostAt: null,
      };
      await store.subscriptions.put(sub);
      return sub;
    },
    async sub(id) {
      const found = await store.subscriptions.get(id);
      if (!found) throw new Error(`no subscription ${id}`);
      return found;
    },
    poller(overrides = {}) {
      return createPoller({
        store,
        tracker,
        deliver: (channelId, body) => discord.deliver(channelId, body),
        notifyUser: async (userId, text) => {
          if (options.failDm) throw new Error("Cannot send messages to this user");
          dms.push({ userId, text });
        },
        logger,
        wall: now,
        intervalMs,
        concurrency: 4,
        random: () => 0.5,
        ...overrides,
      });
    },
    count(endpoint, token) {
      const print = token === undefined ? undefined : fingerprintOf(token);
      return fake.requests.filter(
        (r) => r.endpoint === endpoint && (print === undefined || r.tokenFingerprint === print),
      ).length;
    },
    async close() {
      await tracker.close();
      await fake.close();
    },
  };
  return harness;
}
