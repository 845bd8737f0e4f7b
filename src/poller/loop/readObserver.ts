/**
 * What other capabilities learn from the poller's reads, without a request of their own: after
 * each tick's reads, every source read successfully is reported once (its items, and whether
 * its session is known to have ended). Live cards and the release announcement listen here
 * (src/cards); the composition root wires them, so the poller knows neither.
 */
import type { Logger } from "pino";
import { itemsOf } from "../../feeds/feed.js";
import { historiesFeed } from "../../feeds/histories.js";
import type { HistoryItem } from "../../tracker/types.js";
import { errorSummary } from "../../util/errorSummary.js";
import type { FetchedSource } from "./gather.js";
import type { SourceContext } from "./sources.js";

export interface SourceRead {
  userId: string;
  session: number;
  /** The history items of this read, oldest first (reaching back into a late window: not all new). */
  items: readonly HistoryItem[];
  /** The session no longer runs: a follower's final read, or an hourly state check saw it end. */
  ended: boolean;
  /** The subscriptions this read was made for. */
  subscriptionIds: readonly string[];
}

export type OnSourceRead = (read: SourceRead) => void | Promise<void>;

/** Reports the tick's successful reads, one at a time; a listener's failure is logged and skipped. */
export async function reportReads(
  ctx: SourceContext,
  fetched: readonly FetchedSource[],
  onSourceRead: OnSourceRead | undefined,
  logger: Logger,
): Promise<void> {
  if (onSourceRead === undefined) return;
  for (const { source, polled } of fetched) {
    if (polled === undefined) continue;
    const ended = source.final || ctx.schedule.explain(source.key)?.reason === "ended";
    try {
      await onSourceRead({
        userId: source.userId,
        session: source.session,
        // The listeners are about the session's history (cards, announcements): its feed by name.
        items: itemsOf(polled.reads, historiesFeed) ?? [],
        ended,
        subscriptionIds: source.subs.map((s) => s.id),
      });
    } catch (err) {
      logger.error({ sourceKey: source.key, err: errorSummary(err) }, "onSourceRead hook failed");
    }
  }
}
