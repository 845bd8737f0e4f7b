/**
 * The one tracker client of the process, behind the global request budget:
 * commands and the poller share it, so nothing reaches the tracker around
 * TRACKER_MAX_REQUESTS_PER_MINUTE.
 */
import type { Clock } from "../util/clock.js";
import type { Config } from "../config.js";
import type { Metrics } from "../health/metrics.js";
import type { Logger } from "../log.js";
import { createRequestBudget, type RequestBudget } from "../tracker/budget.js";
import { createTrackerClient } from "../tracker/client.js";
import type { TrackerPlayer } from "../tracker/play.js";
import type { TrackerClient } from "../tracker/types.js";

export function createBudgetedTracker(
  config: Config,
  logger: Logger,
  metrics: Metrics,
  clock: Clock,
  /** Several instances: the budget also counted in the shared database window. */
  share: (local: RequestBudget) => RequestBudget = (local) => local,
): { tracker: TrackerClient & TrackerPlayer; budget: RequestBudget } {
  const budget = share(
    createRequestBudget({ perMinute: config.TRACKER_MAX_REQUESTS_PER_MINUTE, clock, logger }),
  );
  const tracker = createTrackerClient({
    baseUrl: config.TRACKER_API_URL,
    timeoutMs: config.TRACKER_TIMEOUT_SECONDS * 1000,
    logger,
    onRequest: (info) => metrics.trackerRequest(info),
    budget,
  });
  return { tracker, budget };
}
