/** The Store on keyv: wires the namespaces together and owns the connection's life. */
import type { Keyv } from "keyv";
import { type Clock, systemClock } from "../util/clock.js";
import type { Logger } from "../log.js";
import { createAccountStore } from "./accounts.js";
import { createCardStore, loadCardCollection } from "./cards.js";
import { createLeaderboardStore, loadLeaderboardCollection } from "./leaderboard.js";
import { createDigestStore, loadDigestCollection } from "./digest.js";
import { type Backend, openBackend } from "./backend.js";
import { type CachedCollection, loadCollection } from "./collection.js";
import { createLocaleStore } from "./locales.js";
import { createPlayStore, loadPlayCollections } from "./plays.js";
import { createRoleStore, loadRoleCollections } from "./roles.js";
import type { TokenCipher } from "./crypto.js";
import { outboxEntrySchema, subscriptionSchema } from "./schemas.js";
import type {
  MetaStore,
  OutboxEntry,
  OutboxStore,
  Store,
  Subscription,
  SubscriptionStore,
} from "./types.js";
import { createUiState, type UiState } from "./uiState.js";
import type { StoreWriteHealth } from "./writeHealth.js";

export { StoreConfigError } from "./backend.js";

/** The database could not be opened or its existing records could not be read. */
export class StoreOpenError extends Error {
  override readonly name = "StoreOpenError";
}

/** The database did not answer a health check in time. */
export class StoreUnavailableError extends Error {
  override readonly name: string = "StoreUnavailableError";
}

/** Unavailable because another program holds the database's lock: said at once, not after a wait. */
export class StoreBusyError extends StoreUnavailableError {
  override readonly name = "StoreBusyError";
}

/** The store as the composition root holds it: with what /healthz and /metrics read. */
export interface HealthAwareStore extends Store {
  /** Whether writes work now; every store write reports to it. */
  readonly writeHealth: StoreWriteHealth;
  /** A tiny write in a dedicated key: resolves when the database can write. */
  probeWrite(): Promise<void>;
}

export interface OpenStoreOptions {
  /** `sqlite://relative/path.sqlite`, `sqlite:///absolute/path.sqlite`, or redis:// etc. */
  databaseUrl: string;
  cipher: TokenCipher;
  logger: Logger;
  /** How long ping() waits for an answer; default 5 s. */
  pingTimeoutMs?: number;
  /** SQLite: how long a query waits on another connection's lock; default 5 s. */
  busyTimeoutMs?: number;
  /** Expiry of UI state (monotonic `now()`; `wall()` across restarts). Default: the system's. */
  clock?: Clock;
  /** Least time between two "store still cannot write" lines; default 60 s. */
  writeFaultRepeatMs?: number;
}

export async function openStore(options: OpenStoreOptions): Promise<HealthAwareStore> {
  const { logger } = options;
  const backend = await openBackend({
    databaseUrl: options.databaseUrl,
    logger,
    ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    ...(options.writeFaultRepeatMs !== undefined && {
      writeFaultRepeatMs: options.writeFaultRepeatMs,
    }),
  });
  const uiState = createUiState(backend.keyv("ui"), options.clock ?? systemClock, () =>
    backend.list("ui"),
  );
  const loaded = await loadAll(backend, uiState, logger);
  const { subscriptions, outbox, roleCollections, playCollections, cards, leaderboard, digest } =
    loaded;
  const plays = createPlayStore(playCollections, options.cipher);
  // Nothing is in flight in a process that just started: a pending play's outcome is unknown.
  const unsettled = await plays.settlePending();
  if (unsettled > 0)
    logger.warn({ count: unsettled }, "plays of an earlier run marked outcome unknown");
  const accounts = createAccountStore({
    keyv: backend.keyv("accounts"),
    cipher: options.cipher,
    logger,
  });
  const pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
  const metaKeyv = backend.keyv("meta");
  let closing: Promise<void> | undefined;

  return {
    accounts,
    subscriptions: subscriptionStoreOf(subscriptions),
    outbox: outboxStoreOf(outbox),
    uiState,
    meta: metaStoreOf(metaKeyv),
    locales: createLocaleStore({
      keyv: backend.keyv("locales"),
      list: () => backend.list("locales"),
      logger,
    }),
    roles: createRoleStore(roleCollections),
    plays,
    cards: createCardStore(cards),
    leaderboard: createLeaderboardStore(leaderboard),
    digest: createDigestStore(digest),
    writeHealth: backend.writeHealth,
    // Both are real queries: keyv runs throwOnErrors, so a failed one rejects.
    probeWrite: () =>
      answerWithin(metaKeyv.set("health:write", new Date().toISOString()), "write", pingTimeoutMs),
    ping: async () => {
      const answer = await withTimeout(
        backend.ping(),
        pingTimeoutMs,
        () => new StoreUnavailableError(`database did not answer within ${pingTimeoutMs} ms`),
      );
      if (answer === "busy") throw new StoreBusyError("another program holds the database's lock");
    },
    close() {
      closing ??= (async () => {
        // Let queued writes land before the connection goes away.
        await Promise.all([
          subscriptions.idle(),
          outbox.idle(),
          accounts.idle(),
          roleCollections.configs.idle(),
          roleCollections.members.idle(),
          playCollections.attempts.idle(),
          playCollections.panels.idle(),
          cards.idle(),
          leaderboard.idle(),
          digest.idle(),
        ]);
        await backend.close();
      })();
      return closing;
    },
  };
}

function subscriptionStoreOf(subscriptions: CachedCollection<Subscription>): SubscriptionStore {
  return {
    get: async (id) => subscriptions.get(id),
    list: async () => subscriptions.values(),
    listShared: () => subscriptions.shared(),
    listByUser: async (userId) => subscriptions.values((s) => s.userId === userId),
    listByGuild: async (guildId) => subscriptions.values((s) => s.guildId === guildId),
    put: (subscription) => subscriptions.put(subscription),
    update: (id, change) => subscriptions.update(id, change),
    delete: (id) => subscriptions.delete(id),
    deleteByUser: (userId) => subscriptions.deleteWhere((s) => s.userId === userId),
  };
}

function outboxStoreOf(outbox: CachedCollection<OutboxEntry>): OutboxStore {
  return {
    list: async () => outbox.values(),
    put: (entry) => outbox.put(entry),
    delete: (id) => outbox.delete(id),
  };
}

function metaStoreOf(metaKeyv: Keyv): MetaStore {
  return {
    async get(key) {
      const value = await metaKeyv.get<unknown>(key);
      return typeof value === "string" ? value : undefined;
    },
    async set(key, value) {
      await metaKeyv.set(key, value);
    },
  };
}

async function loadAll(backend: Backend, uiState: UiState, logger: Logger) {
  try {
    const [subscriptions, outbox, roleCollections, playCollections, cards, leaderboard, digest] =
      await Promise.all([
        loadCollection<Subscription>({
          backend,
          name: "subscriptions",
          schema: subscriptionSchema,
          idOf: (s) => s.id,
          logger,
        }),
        loadCollection<OutboxEntry>({
          backend,
          name: "outbox",
          schema: outboxEntrySchema,
          idOf: (e) => e.id,
          logger,
        }),
        loadRoleCollections(backend, logger),
        loadPlayCollections(backend, logger),
        loadCardCollection(backend, logger),
        loadLeaderboardCollection(backend, logger),
        loadDigestCollection(backend, logger),
        // An earlier run's UI state: expired rows deleted (nobody may read them again), the
        // rest carried over onto this run's monotonic clock.
        uiState.adopt(),
      ]);
    return {
      subscriptions,
      outbox,
      roleCollections,
      playCollections,
      cards,
      leaderboard,
      digest,
    };
  } catch (err) {
    await backend.close().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new StoreOpenError(`could not open the store (${backend.description}): ${reason}`, {
      cause: err,
    });
  }
}

async function answerWithin(work: Promise<unknown>, verb: string, ms: number): Promise<void> {
  await withTimeout(
    work,
    ms,
    () => new StoreUnavailableError(`database did not ${verb} within ${ms} ms`),
  );
}

/** Rejects with `onTimeout()` when `work` has not settled within `ms` (the one timeout helper). */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
