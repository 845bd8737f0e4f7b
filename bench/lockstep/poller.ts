/**
 * FROZEN ON PURPOSE (benchmark only): the lockstep poller as it was before the scheduler
 * (merge-base 6dfab04), the "lockstep" row of `npm run bench` (bench/README.md). Kept as it was,
 * only its timer swapped for the injected clock so both pollers run on the same sped-up time: do
 * not refactor, rename or "fix" it (its "cycle" wording, its long functions and its comments on
 * the code of that day included), or the comparison no longer measures the old poller. Not used
 * by the bot.
 */
/**
 * The scheduling loop. A cycle: retry channels with pending outbox entries,
 * plan the sources of every other active subscription, read each source
 * once, detect per subscription, then save one outbox entry per channel and
 * hand it to a bounded pool of channel deliveries. The loop does not wait
 * for those deliveries (a slow channel must not hold up the next cycle for
 * the others); a channel still busy is simply left out of the next cycle.
 */
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { Clock } from "../../src/util/clock.js";
import type { OutboxEntry, Store, Subscription } from "../../src/store/types.js";
import type { TrackerClient } from "../../src/tracker/types.js";
import { createBackoff } from "../../src/util/backoff.js";
import {
  channelKey,
  createChannelSender,
  type Deliver,
  type DeliveryTally,
  type PollerMetrics,
} from "../../src/poller/sender/channels.js";
import { errorSummary } from "../../src/util/errorSummary.js";
import { gatherChannelParts } from "./gather.js";
import { pauseAccounts } from "../../src/poller/pause/notices.js";
import { createOutboxEntry } from "../../src/poller/outbox/outbox.js";
import { sortPending } from "../../src/poller/outbox/pending.js";
import { createLimiter, mapLimit } from "../../src/util/limit.js";
import {
  activeLookupKey,
  type CycleState,
  planSources,
  pollSource,
  type SessionInfo,
  type SourceContext,
  sourceKey,
} from "./sources.js";

export type { Deliver, PollerMetrics };

export interface PollerDeps {
  store: Store;
  tracker: TrackerClient;
  deliver: Deliver;
  /** DMs a member; may throw (DMs closed), which is logged and ignored. */
  notifyUser: (userId: string, text: string) => Promise<void>;
  logger: Logger;
  now?: () => Date;
  intervalMs: number;
  /** Parallel tracker sources and parallel channel deliveries (each). */
  concurrency: number;
  /** How often an ended session is looked at. Default 1 h. */
  endedSessionIntervalMs?: number;
  /** Cap of the per-source and per-channel backoff. Default 15 min. */
  maxBackoffMs?: number;
  random?: () => number;
  metrics?: PollerMetrics;
  /** How long stop() waits for deliveries in flight. Default 10 s. */
  stopTimeoutMs?: number;
  clock: Clock;
}

export interface CycleReport {
  /** Sources whose histories were read. */
  sources: number;
  trackerRequests: number;
  itemsDelivered: number;
  messagesSent: number;
  /** Ids of the subscriptions this cycle paused. */
  paused: string[];
}

export interface Poller {
  /** Flushes the outbox, then polls every `intervalMs` (timer chained after each cycle). */
  start(): void;
  /** Stops scheduling and waits (at most `stopTimeoutMs`) for deliveries in flight. */
  stop(): Promise<void>;
  /** One whole cycle, deliveries included: for tests and tools. After stop() it queues no posts. */
  runCycle(): Promise<CycleReport>;
  /** Re-sends pending outbox entries, unchanged, from where they stopped. */
  flushOutbox(): Promise<void>;
  /** Until when a fault holds back this subscription's posts (for `/subscriptions`). */
  backoffUntil(subscription: Subscription): Date | undefined;
}

/** Longest pause between two tries of a channel's pending posts (see channelBackoff). */
export const channelRetryCapMs = 2 * 60_000;

export function createPoller(deps: PollerDeps): Poller {
  const { store, logger } = deps;
  const now = deps.now ?? (() => new Date());
  const random = deps.random ?? Math.random;
  const backoff = createBackoff({
    baseMs: deps.intervalMs,
    maxMs: deps.maxBackoffMs ?? 15 * 60_000,
    random,
  });
  // Discord remembers a nonce for a few minutes only: a message whose answer was lost must
  // be retried within that window, or a retry could post it twice. Hence a short cap here.
  const channelBackoff = createBackoff({
    baseMs: deps.intervalMs,
    maxMs: Math.min(deps.maxBackoffMs ?? 15 * 60_000, channelRetryCapMs),
    random,
  });
  const itemCounts = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();
  const limitDelivery = createLimiter(deps.concurrency);
  const sender = createChannelSender({
    store,
    deliver: deps.deliver,
    notifyUser: deps.notifyUser,
    logger,
    wall: now,
    // The old lockstep poller measured everything on the one clock it was given.
    mono: () => now().getTime(),
    backoff: channelBackoff,
    metrics: deps.metrics,
    itemCounts,
  });
  const ctx: SourceContext = {
    store,
    tracker: deps.tracker,
    logger,
    now,
    backoff,
    concurrency: deps.concurrency,
    endedSessionIntervalMs: deps.endedSessionIntervalMs ?? 60 * 60_000,
    finalPolled: new Set<string>(),
    sessionInfo: new Map<string, SessionInfo>(),
  };
  let stopping = false;
  let started = false;
  let timer: (() => void) | undefined;
  // Cycles and flushes run one at a time, whoever asks for them.
  let chain: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };

  function launch(channelId: string, entries: OutboxEntry[], tally: DeliveryTally): Promise<void> {
    const task = limitDelivery(() => sender.deliverChannel(channelId, entries, tally))
      .catch((err: unknown) => {
        logger.error({ channelId, err: errorSummary(err) }, "channel delivery crashed");
      })
      .finally(() => inFlight.delete(channelId));
    inFlight.set(channelId, task);
    return task;
  }

  const pendingByChannel = (subs: readonly Subscription[]) =>
    sortPending(store, subs, logger, (id) => itemCounts.delete(id));

  async function cycle(awaitDeliveries: boolean): Promise<CycleReport> {
    const startedAt = performance.now();
    const tally: DeliveryTally = { messagesSent: 0, itemsDelivered: 0, paused: [] };
    const state: CycleState = {
      trackerRequests: 0,
      sourcesPolled: 0,
      authFailed: new Set(),
      notLinked: [],
      linkedAt: new Map(),
    };
    const launched: Promise<void>[] = [];
    try {
      // A channel with posts still pending or in flight gathers nothing new, so order holds.
      const busy = new Set(inFlight.keys());
      const allSubs = await store.subscriptions.list();
      const pending = await pendingByChannel(allSubs);
      for (const channelId of pending.waiting) busy.add(channelId);
      for (const [channelId, entries] of pending.send) {
        if (busy.has(channelId)) continue;
        busy.add(channelId);
        if (stopping || !channelBackoff.ready(channelKey(channelId), now().getTime())) continue;
        launched.push(launch(channelId, entries, tally));
      }
      const subs = allSubs.filter((sub) => sub.status === "active" && !busy.has(sub.channelId));
      const sources = await planSources(ctx, subs, state);
      const fetched = await mapLimit(sources, deps.concurrency, async (source) => ({
        source,
        items: await pollSource(ctx, source, state),
      }));
      const paused = await pauseAccounts(store, state, deps.notifyUser, logger, now());
      tally.paused.push(...paused);
      for (const [channelId, parts] of await gatherChannelParts(ctx, fetched)) {
        if (stopping) break;
        try {
          const { entry, itemCount } = createOutboxEntry(channelId, parts, now());
          await store.outbox.put(entry);
          itemCounts.set(entry.id, itemCount);
          launched.push(launch(channelId, [entry], tally));
        } catch (err) {
          logger.error({ channelId, err: errorSummary(err) }, "could not queue a channel's posts");
        }
      }
    } catch (err) {
      // Without the outbox or the subscription list nothing can be done safely this cycle.
      logger.error({ err: errorSummary(err) }, "poll cycle failed");
    }
    if (awaitDeliveries) await Promise.all(launched);
    deps.metrics?.pollCycle?.(performance.now() - startedAt);
    return {
      sources: state.sourcesPolled,
      trackerRequests: state.trackerRequests,
      itemsDelivered: tally.itemsDelivered,
      messagesSent: tally.messagesSent,
      paused: [...tally.paused],
    };
  }

  /** Sends every pending entry; start() does not wait, as those channels count as busy anyway. */
  async function flush(awaitDeliveries: boolean): Promise<void> {
    const tally: DeliveryTally = { messagesSent: 0, itemsDelivered: 0, paused: [] };
    const pending = [...(await pendingByChannel(await store.subscriptions.list())).send].filter(
      ([channelId]) => !inFlight.has(channelId),
    );
    if (pending.length === 0) return;
    logger.info({ channels: pending.length }, "re-sending pending posts");
    const sent = pending.map(([channelId, entries]) => launch(channelId, entries, tally));
    if (awaitDeliveries) await Promise.all(sent);
  }

  async function tick(): Promise<void> {
    timer = undefined;
    if (stopping) return;
    try {
      await exclusive(() => cycle(false));
    } catch (err) {
      logger.error({ err: errorSummary(err) }, "poll cycle crashed");
    }
    if (stopping) return;
    // +-5 % so several bots (or restarts) do not settle into lockstep.
    timer = deps.clock.setTimer(
      Math.round(deps.intervalMs * (0.95 + 0.1 * random())),
      () => void tick(),
    );
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopping = false;
      void (async () => {
        try {
          await exclusive(() => flush(false));
        } catch (err) {
          logger.error({ err: errorSummary(err) }, "outbox flush failed");
        }
        await tick();
      })();
    },
    async stop() {
      stopping = true;
      started = false;
      timer?.();
      timer = undefined;
      const drain = async (): Promise<void> => {
        await chain;
        while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
      };
      let deadline: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        deadline = setTimeout(() => resolve(true), deps.stopTimeoutMs ?? 10_000);
      });
      const late = await Promise.race([drain().then(() => false), timedOut]);
      clearTimeout(deadline);
      if (late) {
        logger.warn(
          { channels: inFlight.size },
          "stopped with posts in flight; sent on next start",
        );
      }
    },
    runCycle: () => exclusive(() => cycle(true)),
    flushOutbox: () => exclusive(() => flush(true)),
    backoffUntil(subscription) {
      const keys: string[] = [];
      if (subscription.currentSession !== null) {
        keys.push(sourceKey(subscription.userId, subscription.currentSession));
      }
      if (subscription.session === null) keys.push(activeLookupKey(subscription.userId));
      const nowMs = now().getTime();
      const until = Math.max(
        channelBackoff.retryAt(channelKey(subscription.channelId)) ?? 0,
        ...keys.map((key) => backoff.retryAt(key) ?? 0),
      );
      return until > nowMs ? new Date(until) : undefined;
    },
  };
}
