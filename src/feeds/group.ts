/**
 * How a channel's new items of one tick, of every feed, become its post's groups: one group
 * per (member, session), so a session's history items and game-rule changes share a message;
 * an item two subscriptions of the channel both want is posted once (by its feed's key).
 */
import type { DeliveryGroup } from "../format/delivery.js";
import type { Locale } from "../i18n/index.js";
import type { AnyFeed, WindowAdvance } from "./feed.js";

/** One feed's share of a subscription's part: new items in the feed's order, and its next state. */
export interface FeedPart {
  feed: AnyFeed;
  items: readonly { happened: Date }[];
  /** Null when nothing of this feed was new. */
  next: WindowAdvance<unknown> | null;
}

/** What one subscription contributes to its channel's post of a tick. */
export interface ChannelPart {
  subscriptionId: string;
  userId: string;
  nick: string;
  session: number;
  /** Every feed the subscription reads, in the registry's order. */
  feeds: readonly FeedPart[];
}

export interface ChannelGroup {
  group: DeliveryGroup;
  /** Every line's identity, feed by feed (the nonces hash these). */
  keys: string[];
}

interface Gathering {
  userId: string;
  nick: string;
  session: number;
  byFeed: Map<AnyFeed, Map<string, { happened: Date }>>;
}

function gather(parts: readonly ChannelPart[]): Gathering[] {
  const groups = new Map<string, Gathering>();
  for (const part of parts) {
    const key = `${part.userId}:${part.session}`;
    let entry = groups.get(key);
    if (entry === undefined) {
      entry = { userId: part.userId, nick: part.nick, session: part.session, byFeed: new Map() };
      groups.set(key, entry);
    }
    for (const { feed, items } of part.feeds) {
      const byKey = entry.byFeed.get(feed) ?? new Map<string, { happened: Date }>();
      entry.byFeed.set(feed, byKey);
      for (const item of items) byKey.set(feed.key(item), item);
    }
  }
  return [...groups.values()];
}

/**
 * One group per (member, session), each oldest first (a tie keeps the feeds' order), and the
 * groups ordered by their oldest line, so the channel reads in the order things happened.
 */
export function channelGroups(
  parts: readonly ChannelPart[],
  locale: Locale = "en",
): ChannelGroup[] {
  const result = gather(parts).map(({ userId, nick, session, byFeed }) => {
    const keys: string[] = [];
    const timed: { at: number; line: string }[] = [];
    for (const [feed, byKey] of byFeed) {
      const items = [...byKey.values()].sort((a, b) => feed.compare(a, b));
      for (const item of items) {
        keys.push(feed.key(item));
        timed.push({ at: item.happened.getTime(), line: feed.line(item, locale) });
      }
    }
    // Stable: each feed keeps its own (already oldest-first) order.
    timed.sort((a, b) => a.at - b.at);
    const group: DeliveryGroup = { userId, session, lines: timed.map(({ line }) => line) };
    if (nick !== "") group.nick = nick;
    return { group, keys, oldest: timed[0]?.at ?? Number.POSITIVE_INFINITY };
  });
  return result.sort((a, b) => a.oldest - b.oldest).map(({ group, keys }) => ({ group, keys }));
}
