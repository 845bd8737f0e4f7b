/**
 * An instance on a shared Postgres database: stand by until the serve lease
 * is ours, then start the whole bot (store opened fresh, so it begins from
 * everything the last holder wrote), serve until the lease is lost or a stop
 * is asked, and stand by again after a loss.
 *
 * On SIGTERM the hand-over is make-before-break: the holder asks for a
 * successor and keeps serving until one standby has connected its gateway;
 * then it stops (its last posts go out under the lease) and hands the lease
 * to that successor by name, which answers what arrived in between.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Bot } from "../bot.js";
import { systemClock } from "../util/clock.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { openPostgres, type PostgresDatabase } from "../store/postgres.js";
import type { ReplicaHooks } from "./hooks.js";
import { createLeadership, type Leadership } from "./leadership.js";
import { shareBudget } from "./budget.js";
import { type Preconnected, preconnect } from "./preconnect.js";
import { startStandbyHealth, type StandbyHealth } from "./standbyHealth.js";

export interface Replica {
  readonly leadership: Leadership;
  /** Stops serving (if serving), releases the lease, ends the lease pool. */
  stop(): Promise<void>;
}

export interface StartReplicaOptions {
  config: Config;
  logger: Logger;
  startBot(hooks: ReplicaHooks): Promise<Bot>;
  /** The bot could not start while holding the lease: the process should exit non-zero. */
  onFatal(err: unknown): void;
}

/** This instance's name in the leases table and the takeover lines. */
export function instanceName(): string {
  return `${hostname()}/${process.pid}/${randomBytes(2).toString("hex")}`;
}

export async function startReplica(options: StartReplicaOptions): Promise<Replica> {
  const { config, logger } = options;
  // A pool of its own, small: renewals must never queue behind the store's queries.
  const database = await openPostgres({ url: config.DATABASE_URL, logger, max: 4 });
  const ttlMs = config.REPLICA_LEASE_SECONDS * 1000;
  const leadership = createLeadership({
    pool: database.pool,
    holder: instanceName(),
    logger,
    clock: systemClock,
    ttlMs,
    renewMs: Math.floor(ttlMs / 3),
  });
  const abort = new AbortController();
  const state: LoopState = { bot: undefined, standby: undefined, pre: undefined };
  // Standing by, nothing else may hold the event loop open: this does.
  const keepAlive = setInterval(() => undefined, 60_000);
  const loop = serveLoop({ ...options, leadership, database, signal: abort.signal, state });
  loop.catch((err: unknown) => {
    if (!abort.signal.aborted) options.onFatal(err);
  });
  let stopping: Promise<void> | undefined;
  return {
    leadership,
    stop() {
      stopping ??= (async () => {
        abort.abort(new Error("stopping"));
        clearInterval(keepAlive);
        await state.standby?.close();
        await state.pre?.destroy();
        if (state.bot) {
          // Make-before-break: keep serving until a standby is connected, then let go.
          const ready = await leadership.handOver(handOverWaitMs).catch(() => false);
          logger.info({ successorConnected: ready }, "handing over");
          await state.bot.stop();
        }
        await leadership
          .release()
          .catch((err: unknown) => logger.warn({ err }, "could not release the lease"));
        await database.end();
      })();
      return stopping;
    },
  };
}

interface LoopState {
  bot: Bot | undefined;
  standby: StandbyHealth | undefined;
  /** A successor's gateway, connected while the last holder still serves. */
  pre: Preconnected | undefined;
}

/** How long a stopping holder waits for its successor to connect (exit stays within 10 s). */
const handOverWaitMs = 5_000;

type LoopOptions = StartReplicaOptions & {
  leadership: Leadership;
  database: PostgresDatabase;
  signal: AbortSignal;
  state: LoopState;
};

async function serveLoop(options: LoopOptions): Promise<void> {
  const { config, logger, leadership, database, signal, state } = options;
  const hooks: ReplicaHooks = {
    claimInteraction: (id) => leadership.claimInteraction(id),
    fence: () => leadership.fence(),
    status: () => leadership.status(),
    shareBudget: (local) =>
      shareBudget(local, {
        pool: database.pool,
        perMinute: config.TRACKER_MAX_REQUESTS_PER_MINUTE,
        clock: systemClock,
        logger,
        proof: () => leadership.proof(),
      }),
  };
  for (;;) {
    state.standby = await startStandbyHealth({ config, logger, leadership, pool: database.pool });
    if (!leadership.held()) logger.info("standing by: another instance serves");
    const acquired = await leadership.acquire(signal);
    const won = acquired.kind === "lease" ? acquired : await succeed(options);
    await state.standby?.close();
    state.standby = undefined;
    signal.throwIfAborted();
    if (!won) continue;
    const preconnected = state.pre;
    state.pre = undefined;
    state.bot = await options
      .startBot(preconnected ? { ...hooks, preconnected } : hooks)
      .catch(async (err: unknown) => {
        // Let a standby try rather than keep the lease until it expires.
        await leadership.release().catch(() => undefined);
        throw err;
      });
    const reason = await Promise.race([won.lost, aborted(signal)]);
    signal.throwIfAborted();
    logger.warn({ reason }, "lost the serve lease: stopping the bot and standing by");
    const bot = state.bot;
    state.bot = undefined;
    await bot.stop();
  }
}

/**
 * This standby was chosen to succeed a stopping holder: connect the gateway, say so, and take
 * the lease the holder hands over. Undefined when it did not come (then stand by again).
 */
async function succeed(options: LoopOptions): Promise<{ lost: Promise<string> } | undefined> {
  const { config, logger, leadership, state } = options;
  try {
    state.pre = await preconnect(config, logger);
    await leadership.successorReady();
  } catch (err) {
    logger.warn({ err }, "could not connect ahead of the hand-over; taking over after it");
  }
  const won = await leadership.takeFromHolder(15_000);
  if (!won) {
    await state.pre?.destroy();
    state.pre = undefined;
  }
  return won;
}

function aborted(signal: AbortSignal): Promise<string> {
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve("stopping"), { once: true }),
  );
}
