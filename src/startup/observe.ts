/** What /metrics and /healthz read from the running bot. */
import { performance } from "node:perf_hooks";
import type { Client } from "discord.js";
import type { Config } from "../config.js";
import { startHealthServer, type HealthServer } from "../health/server.js";
import type { Metrics } from "../health/metrics.js";
import type { Logger } from "../log.js";
import type { Poller } from "../poller/poller.js";
import { type HealthAwareStore, StoreBusyError } from "../store/keyvStore.js";
import { watchGateway } from "./gatewayWatch.js";
import type { RequestBudget } from "../tracker/budget.js";

export function wireMetrics(
  metrics: Metrics,
  parts: { store: HealthAwareStore; client: Client; poller: Poller; budget: RequestBudget },
): void {
  const { store, client, poller, budget } = parts;
  metrics.setStoreWriteSource(() => ({
    writable: store.writeHealth.fault() === undefined,
    writeErrors: store.writeHealth.writeErrors(),
  }));
  metrics.setSubscriptionSource(async () => {
    const counts: Record<string, number> = { active: 0, paused: 0 };
    for (const s of await store.subscriptions.list())
      counts[s.status] = (counts[s.status] ?? 0) + 1;
    return counts;
  });
  metrics.setGatewayPing(() => client.ws.ping);
  metrics.setSchedulerSource(() => {
    const spent = budget.snapshot();
    const status = poller.status();
    return {
      budgetPerMinute: spent.perMinute,
      effectiveBudgetPerMinute: spent.effectivePerMinute,
      requestsStarted: spent.started,
      rateLimited: spent.rateLimited,
      effectiveIntervalMs: status.effectiveIntervalMs,
      lagMs: status.lagMs,
      trackerCircuitOpen: status.tracker.breaker === "closed" ? 0 : 1,
      trackerOutages: status.tracker.outages,
      sourcesByReason: status.byReason,
      sourcesHeld: status.held,
    };
  });
}

export async function startHealth(
  config: Config,
  logger: Logger,
  parts: {
    metrics: Metrics;
    store: HealthAwareStore;
    client: Client;
    poller: Poller;
    replica?: (() => Promise<Record<string, unknown>>) | undefined;
  },
): Promise<HealthServer | undefined> {
  if (config.HEALTH_PORT === undefined) return undefined;
  const { metrics, store, client, poller, replica } = parts;
  const gateway = watchGateway(client);
  return startHealthServer({
    port: config.HEALTH_PORT,
    host: config.HEALTH_HOST,
    metrics,
    logger,
    checks: {
      gateway,
      store: () =>
        store.ping().then(
          () => "ok" as const,
          (err: unknown) => {
            if (err instanceof StoreBusyError) return "busy" as const;
            throw err;
          },
        ),
      storeWrite: throttledWriteCheck(store),
      ...(replica && { replica }),
      scheduler: () => {
        const status = poller.status();
        return {
          lagSeconds: Math.round(status.lagMs / 1000),
          effectiveIntervalSeconds: Math.round(status.effectiveIntervalMs / 1000),
          trackerDownSeconds: Math.round(status.tracker.downMs / 1000),
          sourcesHeld: status.held,
        };
      },
    },
  });
}

/**
 * /healthz asks whether the store can write: a tiny write in a dedicated key,
 * at most every `everyMs` (a scraper or HEALTHCHECK may ask often); every
 * other write of the bot reports to the same tracker in between. The request
 * that starts the write waits at most `waitMs` for it (queued behind the bot's
 * own writes, it may wait out a lock): then the tracker's last word answers,
 * and the store probe says "busy" on its own when a lock is the reason.
 */
function throttledWriteCheck(
  store: HealthAwareStore,
  everyMs = 5_000,
  waitMs = 100,
): () => Promise<{ ok: boolean; reason?: string }> {
  let lastAt = Number.NEGATIVE_INFINITY;
  let running: Promise<void> | undefined;
  return async () => {
    if (running === undefined && performance.now() - lastAt >= everyMs) {
      lastAt = performance.now();
      // A failure is already counted and logged by the store's tracker.
      const write = store
        .probeWrite()
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
        });
      running = write;
      // Only the probe that started the write waits for it (briefly); while a lock holds it
      // back, the others answer at once with what the tracker knows.
      await Promise.race([write, new Promise((r) => setTimeout(r, waitMs).unref())]);
    }
    const fault = store.writeHealth.fault();
    return fault === undefined ? { ok: true } : { ok: false, reason: fault.meaning };
  };
}
