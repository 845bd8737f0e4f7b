/**
 * From a tick's fetched sources to per-channel posts: each subscription applies its own
 * state in every feed it reads (src/feeds: watermark, filters) to its source's shared
 * reads. What only moves a watermark (everything new was filtered out) is written at once;
 * what must be posted waits for its channel's outbox entry. How often a source changes is
 * learnt from what it read (poll.ts), not here.
 */
import type { FeedPart } from "../../feeds/group.js";
import type { Subscription } from "../../store/types.js";
import { errorSummary } from "../../util/errorSummary.js";
import { advanceOf, applyAdvance, type ChannelPart } from "../outbox/outbox.js";
import type { PolledSource } from "./poll.js";
import type { Source, SourceContext } from "./sources.js";

export interface FetchedSource {
  source: Source;
  /** Undefined when the source was skipped or failed this tick. */
  polled: PolledSource | undefined;
}

/** What is new for `sub` in every feed it reads that this read covered. */
function detectFeeds(ctx: SourceContext, sub: Subscription, polled: PolledSource): FeedPart[] {
  return ctx.feeds.flatMap((feed) => {
    const items = polled.reads.get(feed);
    if (items === undefined || !feed.wants(sub)) return [];
    const found = feed.detect(sub, items);
    return [{ feed, items: found.deliver, next: found.next }];
  });
}

export async function gatherChannelParts(
  ctx: SourceContext,
  fetched: readonly FetchedSource[],
): Promise<Map<string, ChannelPart[]>> {
  const byChannel = new Map<string, ChannelPart[]>();
  for (const { source, polled } of fetched) {
    if (polled === undefined) continue;
    for (const sub of source.subs) {
      try {
        const feeds = detectFeeds(ctx, sub, polled);
        if (feeds.every((part) => part.next === null)) continue;
        const part: ChannelPart = {
          subscriptionId: sub.id,
          userId: sub.userId,
          nick: source.nick,
          session: source.session,
          feeds,
        };
        if (feeds.every((found) => found.items.length === 0)) {
          await applyAdvance(ctx.store, advanceOf(part), undefined, ctx.feeds);
          continue;
        }
        byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), part]);
      } catch (err) {
        ctx.logger.error({ subscriptionId: sub.id, err: errorSummary(err) }, "detection failed");
      }
    }
  }
  return byChannel;
}
