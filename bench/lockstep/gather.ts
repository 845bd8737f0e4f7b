/**
 * FROZEN ON PURPOSE (benchmark only): part of the lockstep poller of merge-base 6dfab04 that
 * `npm run bench` compares the scheduler against (see bench/lockstep/poller.ts, bench/README.md).
 * Kept as it was, "cycle" wording and comments on the code of that day included: do not
 * refactor it, or the comparison no longer measures the old poller. Not used by the bot.
 */
/**
 * From a cycle's fetched sources to per-channel posts: each subscription
 * applies its own watermark and filters to its source's shared items. What
 * only moves a watermark (everything new was filtered out) is written at
 * once; what must be posted waits for its channel's outbox entry.
 */
import type { HistoryItem } from "../../src/tracker/types.js";
import { historiesFeed } from "../../src/feeds/histories.js";
import { detectNew } from "../../src/feeds/historyDetect.js";
import { errorSummary } from "../../src/util/errorSummary.js";
import { applyAdvance, type ChannelPart } from "../../src/poller/outbox/outbox.js";
import type { Source, SourceContext } from "./sources.js";

export interface FetchedSource {
  source: Source;
  /** Undefined when the source was skipped or failed this cycle. */
  items: HistoryItem[] | undefined;
}

export async function gatherChannelParts(
  ctx: SourceContext,
  fetched: readonly FetchedSource[],
): Promise<Map<string, ChannelPart[]>> {
  const byChannel = new Map<string, ChannelPart[]>();
  for (const { source, items } of fetched) {
    if (items === undefined) continue;
    for (const sub of source.subs) {
      try {
        if (sub.session === null && !source.knownActive) {
          // A follower's old session got its last read: the next cycle may switch.
          ctx.finalPolled.add(`${sub.id}:${source.session}`);
        }
        const found = detectNew(sub, sub.filters, items);
        if (found.next === null) continue;
        if (found.deliver.length === 0) {
          const advance = { subscriptionId: sub.id, session: source.session, ...found.next };
          await applyAdvance(ctx.store, advance, undefined);
          continue;
        }
        const part: ChannelPart = {
          subscriptionId: sub.id,
          userId: sub.userId,
          nick: source.nick,
          session: source.session,
          // The outbox takes every feed's part alike; this frozen copy reads histories only.
          feeds: [
            {
              feed: historiesFeed,
              items: found.deliver,
              next: { watermark: found.next.watermark, seen: found.next.seenAtWatermark },
            },
          ],
        };
        byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), part]);
      } catch (err) {
        ctx.logger.error({ subscriptionId: sub.id, err: errorSummary(err) }, "detection failed");
      }
    }
  }
  return byChannel;
}
