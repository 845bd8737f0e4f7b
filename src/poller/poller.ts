/**
 * The poller: a loop of small ticks (tick.ts). Each tick reads the sources
 * that are due (admission.ts says when: the schedule's plan under the tracker's
 * request budget, the sources' backoffs, the tracker's breaker), detects what
 * is new and hands one outbox entry per channel to a bounded pool of
 * deliveries it does not wait for. The loop sleeps until the next source is
 * due, a delivery frees a channel, or a few seconds pass.
 */
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import { type Clock, clockFollowing, systemClock } from "../util/clock.js";
import type { OutboxEntry, Store, Subscription } from "../store/types.js";
import { asBackground } from "../tracker/priority.js";
import type { TrackerClient } from "../tracker/types.js";
import { type Backoff, createBackoff } from "../util/backoff.js";
import {
  createChannelSender,
  type Deliver,
  type DeliveryTally,
  type PollerMetrics,
} from "./sender/channels.js";
import { errorSummary } from "../util/errorSummary.js";
import type { PostLocale } from "./sender/locale.js";
import { createLoop } from "./loop/loop.js";
import { createNonceWarning } from "./sender/nonceWarning.js";
import { sortPending } from "./outbox/pending.js";
import { createLimiter } from "../util/limit.js";
import { createBreaker } from "../tracker/breaker.js";
import { createRateKeeper } from "./schedule/rateStore.js";
import type { OnSourceRead } from "./loop/readObserver.js";
import type { AnyFeed } from "../feeds/feed.js";
import { registeredFeeds } from "../feeds/registry.js";
import { createSchedule, type Schedule } from "./schedule/schedule.js";
import type { SourceContext } from "./loop/sources.js";
import { newTickState, runTick, type TickDeps } from "./loop/tick.js";
import { siteEvidence } from "./schedule/trackerHealth.js";
import { type Admission, createAdmission } from "./schedule/admission.js";
import {
  describeCheck,
  faultUntil,
  type CheckInterval,
  type SchedulerStatus,
} from "./schedule/status.js";
import type { RateKeeper } from "./schedule/rateStore.js";
import type { Breaker } from "../tracker/breaker.js";

export type { CheckInterval, Deliver, PollerMetrics, SchedulerStatus };

export interface PollerDeps {
  store: Store;
  tracker: TrackerClient;
  deliver: Deliver;
  /** DMs a member; may throw (DMs closed), which is logged and ignored. */
  notifyUser: (userId: string, text: string) => Promise<void>;
  logger: Logger;
  /** The wall clock (dates stored and shown), when no `clock` is given. */
  wall?: () => Date;
  /** The scheduler's time and timers; defaults to `wall` for both readings (tests), else the system clock. */
  clock?: Clock;
  intervalMs: number;
  /** Requests in flight to the tracker (and parallel channel deliveries). */
  concurrency: number;
  /** TRACKER_MAX_REQUESTS_PER_MINUTE: what the schedule plans polls for. Default: unlimited. */
  budgetPerMinute?: number;
  /** How often an ended session is looked at. Default 1 h. */
  endedSessionIntervalMs?: number;
  /** Cap of the per-source and per-channel backoff. Default 15 min. */
  maxBackoffMs?: number;
  random?: () => number;
  metrics?: PollerMetrics;
  /** How long stop() waits for deliveries in flight. Default 10 s. */
  stopTimeoutMs?: number;
  /** Members whose active session must be looked up every interval (under the budget) even without a follower subscription. */
  extraActiveLookups?: () => Promise<readonly string[]> | readonly string[];
  /** Called after each successful sessions lookup of a member, for any reason; not on failure (a 401 is one). */
  onActiveSessions?: (userId: string, activeSessionIds: readonly number[]) => void | Promise<void>;
  /**
   * The language of posts: `(guildId, ownerId)` for a channel, `(null, ownerId)` for a DM
   * subscription (src/i18n/postLocale.ts). English when not given.
   */
  postLocale?: PostLocale;
  /** How long Discord is taken to remember a nonce (nonceWarning.ts). Default 3 min. */
  nonceWindowMs?: number;
  /** Told of every successful read of a source (readObserver.ts). */
  onSourceRead?: OnSourceRead;
  /** The feeds read for every source; default: the registered ones (src/feeds/registry.ts). */
  feeds?: readonly AnyFeed[];
}

export interface TickReport {
  /** Sources whose histories were read. */
  sources: number;
  trackerRequests: number;
  itemsDelivered: number;
  messagesSent: number;
  /** Ids of the subscriptions this tick paused. */
  paused: string[];
}

export interface Poller {
  /** Flushes the outbox, then polls what is due, tick after tick. */
  start(): void;
  /** Stops scheduling and waits (at most `stopTimeoutMs`) for deliveries in flight. */
  stop(): Promise<void>;
  /** A whole lockstep pass (every running source counts as due), deliveries included: for tests and tools. */
  runCycle(): Promise<TickReport>;
  /** One scheduled tick (only what is due now), deliveries included. */
  runDue(): Promise<TickReport>;
  /** Re-sends pending outbox entries, unchanged, from where they stopped. */
  flushOutbox(): Promise<void>;
  /** Until when a fault holds back this subscription's posts (for `/subscriptions`). */
  backoffUntil(subscription: Subscription): Date | undefined;
  /** How often this subscription is actually checked, when slower than the configured interval. */
  checkInterval(subscription: Subscription): CheckInterval | undefined;
  status(): SchedulerStatus;
}

/** Longest pause between two tries of a channel's pending posts (see channelBackoff). */
export const channelRetryCapMs = 2 * 60_000;

/** What decides when a source is read: its schedule record, the tracker's breaker, its channel's retry. */
interface ReadParts {
  schedule: Schedule;
  breaker: Breaker;
  channelBackoff: Backoff;
  admission: Admission;
  rates: RateKeeper;
}

function createReadParts(deps: PollerDeps, clock: Clock): ReadParts {
  const random = deps.random ?? Math.random;
  const maxBackoffMs = deps.maxBackoffMs ?? 15 * 60_000;
  // Discord remembers a nonce for a few minutes only: a message whose answer was lost must
  // be retried within that window, or a retry could post it twice. Hence a short cap here.
  const channelBackoff = createBackoff({
    baseMs: deps.intervalMs,
    maxMs: Math.min(maxBackoffMs, channelRetryCapMs),
    random,
  });
  const budgetPerMinute = deps.budgetPerMinute ?? Number.POSITIVE_INFINITY;
  const schedule = createSchedule({
    intervalMs: deps.intervalMs,
    endedIntervalMs: deps.endedSessionIntervalMs ?? 60 * 60_000,
    budgetPerMinute,
    maxBackoffMs,
    random,
    // About two seconds of the budget a tick, so a backlog is worked off in small steps.
    perTick: Number.isFinite(budgetPerMinute)
      ? Math.ceil(budgetPerMinute / 30) + deps.concurrency
      : Number.MAX_SAFE_INTEGER,
  });
  // Probes start after a few seconds and slow to one an interval: the tracker's return is
  // noticed within one interval however long it was down, at one request an interval. A bot
  // with fewer than three sources opens it when all of them fail (breaker.ts).
  const breaker = createBreaker({
    firstProbeMs: Math.min(5000, deps.intervalMs),
    maxProbeMs: deps.intervalMs,
    population: () => schedule.status(clock.now()).sources,
  });
  const admission = createAdmission({ schedule, breaker, channels: channelBackoff });
  const rates = createRateKeeper(deps.store.meta, schedule, deps.logger);
  return { schedule, breaker, channelBackoff, admission, rates };
}

/** Deliveries run in a bounded pool, one at a time per channel; `freed` is told when a channel is free. */
function createDeliveries(
  deps: PollerDeps,
  clock: Clock,
  channelBackoff: Backoff,
  feeds: readonly AnyFeed[],
  freed: () => void,
) {
  const { logger } = deps;
  const itemCounts = new Map<string, number>();
  const inFlight = new Map<string, Promise<void>>();
  const limitDelivery = createLimiter(deps.concurrency);
  const sender = createChannelSender({
    nonceWarning: createNonceWarning(logger, deps.nonceWindowMs, clock),
    store: deps.store,
    deliver: deps.deliver,
    notifyUser: deps.notifyUser,
    logger,
    wall: () => new Date(clock.wall()),
    mono: () => clock.now(),
    backoff: channelBackoff,
    metrics: deps.metrics,
    itemCounts,
    feeds,
  });

  function launch(channelId: string, entries: OutboxEntry[], tally: DeliveryTally): Promise<void> {
    const task = limitDelivery(() => sender.deliverChannel(channelId, entries, tally))
      .catch((err: unknown) => {
        logger.error({ channelId, err: errorSummary(err) }, "channel delivery crashed");
      })
      .finally(() => {
        inFlight.delete(channelId);
        // The channel is free: its sources, held back meanwhile, are read at once.
        freed();
      });
    inFlight.set(channelId, task);
    return task;
  }

  /** Sends every pending entry; start() does not wait, as those channels count as busy anyway. */
  async function flush(awaitDeliveries: boolean): Promise<void> {
    const tally: DeliveryTally = { messagesSent: 0, itemsDelivered: 0, paused: [] };
    const subs = await deps.store.subscriptions.list();
    const pending = [
      ...(await sortPending(deps.store, subs, logger, (id) => itemCounts.delete(id))).send,
    ];
    const idle = pending.filter(([channelId]) => !inFlight.has(channelId));
    if (idle.length === 0) return;
    logger.info({ channels: idle.length }, "re-sending pending posts");
    const sent = idle.map(([channelId, entries]) => launch(channelId, entries, tally));
    if (awaitDeliveries) await Promise.all(sent);
  }

  return { itemCounts, inFlight, launch, flush };
}

/** Ticks and flushes run one at a time, whoever asks for them; `idle` settles when all asked so far ran. */
function createExclusive() {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const run = chain.then(() => asBackground(task));
      chain = run.catch(() => undefined);
      return run;
    },
    idle: () => chain,
  };
}

/** Waits (at most `stopTimeoutMs`) for the running tick, the rates' save and the deliveries in flight. */
async function drain(
  deps: PollerDeps,
  settled: () => Promise<unknown>,
  inFlight: ReadonlyMap<string, Promise<void>>,
): Promise<void> {
  const all = async (): Promise<void> => {
    await settled();
    while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
  };
  let deadline: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    deadline = setTimeout(() => resolve(true), deps.stopTimeoutMs ?? 10_000);
  });
  const late = await Promise.race([all().then(() => false), timedOut]);
  clearTimeout(deadline);
  if (late) {
    deps.logger.warn(
      { channels: inFlight.size },
      "stopped with posts in flight; sent on next start",
    );
  }
}

export function createPoller(deps: PollerDeps): Poller {
  const { store, logger } = deps;
  const clock = deps.clock ?? (deps.wall ? clockFollowing(deps.wall) : systemClock);
  const { schedule, breaker, channelBackoff, admission, rates } = createReadParts(deps, clock);
  const feeds = deps.feeds ?? registeredFeeds;
  const deliveries = createDeliveries(deps, clock, channelBackoff, feeds, () => loop.wake());
  const ctx: SourceContext = {
    store,
    tracker: deps.tracker,
    logger,
    wall: () => new Date(clock.wall()),
    mono: () => clock.now(),
    breaker,
    admission,
    concurrency: deps.concurrency,
    schedule,
    feeds,
    onActiveSessions: deps.onActiveSessions,
  };
  let stopping = false;
  const exclusive = createExclusive();
  const tickDeps: TickDeps = {
    ctx,
    store,
    logger,
    channelBackoff,
    notifyUser: deps.notifyUser,
    inFlight: deliveries.inFlight,
    launch: deliveries.launch,
    itemCounts: deliveries.itemCounts,
    extraLookups: async () => {
      try {
        return (await deps.extraActiveLookups?.()) ?? [];
      } catch (err) {
        logger.error({ err: errorSummary(err) }, "extraActiveLookups hook failed");
        return [];
      }
    },
    stopping: () => stopping,
    postLocale: deps.postLocale,
    rates,
    onSourceRead: deps.onSourceRead,
  };

  async function tick(force: boolean, awaitDeliveries: boolean): Promise<TickReport> {
    const startedAt = performance.now();
    const tally: DeliveryTally = { messagesSent: 0, itemsDelivered: 0, paused: [] };
    const state = newTickState();
    const launched = await runTick(tickDeps, state, tally, { force });
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

  const loop = createLoop({
    clock,
    logger,
    tick: () => exclusive.run(() => tick(false, false)).then(() => undefined),
    // A few seconds at most (never more than the interval): new subscriptions and retries of
    // pending posts get a look.
    nextWakeAt: () => Math.min(admission.nextAt(), clock.now() + Math.min(5000, deps.intervalMs)),
  });
  // A member's reads tell the site's health too: a success ends an outage at once.
  deps.tracker.onSettled?.((read) => siteEvidence(ctx, read, () => loop.wake()));

  return {
    start() {
      if (loop.running()) return;
      stopping = false;
      loop.start(() =>
        exclusive
          .run(() => deliveries.flush(false))
          .catch((err: unknown) => {
            logger.error({ err: errorSummary(err) }, "outbox flush failed");
          }),
      );
    },
    async stop() {
      stopping = true;
      loop.stop();
      const settled = () => exclusive.idle().then(() => rates.save(clock.now(), true));
      await drain(deps, settled, deliveries.inFlight);
    },
    runCycle: () => exclusive.run(() => tick(true, true)),
    runDue: () => exclusive.run(() => tick(false, true)),
    flushOutbox: () => exclusive.run(() => deliveries.flush(true)),
    backoffUntil: (subscription) => faultUntil(admission, clock, subscription),
    checkInterval: (subscription) =>
      describeCheck(schedule, deps.intervalMs, subscription, clock.now()),
    status: () => admission.status(clock.now()),
  };
}
