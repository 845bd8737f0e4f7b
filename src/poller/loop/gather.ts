/**
 * From a cycle's fetched sources to per-channel posts: each subscription
 * applies its own watermark and filters to its source's shared items (and,
 * with `games:true`, its games state to the source's game-rule changes). What
 * only moves a watermark (everything new was filtered out) is written at
 * once; what must be posted waits for its channel's outbox entry. How often a
 * source changes is learnt from what it read (poll.ts), not here.
 */
import { gamesFeed } from "../../feeds/games.js";
import { historiesFeed } from "../../feeds/histories.js";
import type { Subscription } from "../../store/types.js";
import type { GameChange } from "../../tracker/types.js";
import { errorSummary } from "../../util/errorSummary.js";
import { applyAdvance, type ChannelPart } from "../outbox/outbox.js";
import type { PolledSource } from "./poll.js";
import type { Source, SourceContext } from "./sources.js";

export interface FetchedSource {
  source: Source;
  /** Undefined when the source was skipped or failed this cycle. */
  polled: PolledSource | undefined;
}

/** A subscription's new game-rule changes; undefined when none (or the feed was not read). */
function detectGames(sub: Subscription, changes: readonly GameChange[] | undefined) {
  if (changes === undefined || sub.games !== true) return undefined;
  const found = gamesFeed.detect(sub, changes);
  return found.next === null ? undefined : { changes: found.deliver, next: found.next };
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
        const found = historiesFeed.detect(sub, polled.items);
        const games = detectGames(sub, polled.gameChanges);
        if (found.next === null && games === undefined) continue;
        if (found.deliver.length === 0 && games === undefined && found.next !== null) {
          const advance = { subscriptionId: sub.id, session: source.session, ...found.next };
          await applyAdvance(ctx.store, advance, undefined);
          continue;
        }
        const part: ChannelPart = {
          subscriptionId: sub.id,
          userId: sub.userId,
          nick: source.nick,
          session: source.session,
          items: found.deliver,
          next: found.next,
          games,
        };
        byChannel.set(sub.channelId, [...(byChannel.get(sub.channelId) ?? []), part]);
      } catch (err) {
        ctx.logger.error({ subscriptionId: sub.id, err: errorSummary(err) }, "detection failed");
      }
    }
  }
  return byChannel;
}
