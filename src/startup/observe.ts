/** What /metrics and /healthz read from the running bot. */
import type { Client } from "discord.js";
import type { Config } from "../config.js";
import { startHealthServer, type HealthServer } from "../health/server.js";
import type { Metrics } from "../health/metrics.js";
import type { Logger } from "../log.js";
import type { Poller } from "../poller/poller.js";
import type { Store } from "../store/types.js";
import type { RequestBudget } from "../tracker/budget.js";

export function wireMetrics(
  metrics: Metrics,
  parts: { store: Store; client: Client; poller: Poller; budget: RequestBudget },
): void {
  const { store, client, poller, budget } = parts;
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
    };
  });
}

export async function startHealth(
  config: Config,
  logger: Logger,
  parts: { metrics: Metrics; store: Store; client: Client; poller: Poller },
): Promise<HealthServer | undefined> {
  if (config.HEALTH_PORT === undefined) return undefined;
  const { metrics, store, client, poller } = parts;
  return startHealthServer({
    port: config.HEALTH_PORT,
    host: config.HEALTH_HOST,
    metrics,
    logger,
    checks: {
      gateway: () => (client.isReady() ? { ok: true } : { ok: false, reason: "gateway not ready" }),
      store: () => store.ping(),
      scheduler: () => {
        const status = poller.status();
        return {
          lagSeconds: Math.round(status.lagMs / 1000),
          effectiveIntervalSeconds: Math.round(status.effectiveIntervalMs / 1000),
          trackerDownSeconds: Math.round(status.tracker.downMs / 1000),
        };
      },
    },
  });
}
