/**
 * Outbox entries: one channel's posts of one tick, written before the first
 * send so a crash can neither lose nor repeat them, and the subscription
 * state they carry, applied only once Discord accepted every message. Every
 * feed's part is handled alike (src/feeds): its lines, its keys, its state.
 */
import { createHash } from "node:crypto";
import type { AnyFeed } from "../../feeds/feed.js";
import { type ChannelPart, channelGroups } from "../../feeds/group.js";
import { registeredFeeds } from "../../feeds/registry.js";
import { buildDeliveryMessages } from "../../format/delivery.js";
import type { Locale } from "../../i18n/index.js";
import type {
  OutboxEntry,
  OutboxMessage,
  Store,
  Subscription,
  SubscriptionAdvance,
} from "../../store/types.js";

export type { ChannelPart, FeedPart } from "../../feeds/group.js";

/** Discord's limit for `nonce`. */
export const maxNonceLength = 25;

/**
 * Deterministic from the channel and the identities of the entry's items, so
 * the same posts always carry the same nonces; the index tells the entry's
 * messages apart.
 */
export function messageNonce(
  channelId: string,
  itemKeys: readonly string[],
  index: number,
): string {
  const hash = createHash("sha256");
  hash.update(channelId).update("\n").update(itemKeys.join("\n")).update(`\n#${index}`);
  return hash.digest("base64url").slice(0, maxNonceLength);
}

/** What the outbox writes for a part once its posts went out. */
export function advanceOf(part: ChannelPart): SubscriptionAdvance {
  let advance: SubscriptionAdvance = { subscriptionId: part.subscriptionId, session: part.session };
  for (const { feed, next } of part.feeds) {
    if (next !== null) advance = feed.storage.writeAdvance(advance, next);
  }
  return advance;
}

export interface BuiltEntry {
  entry: OutboxEntry;
  itemCount: number;
}

export function createOutboxEntry(
  channelId: string,
  parts: readonly ChannelPart[],
  now: Date,
  /** The channel's language (locale.ts); the saved bodies keep it for every resend. */
  locale: Locale = "en",
): BuiltEntry {
  const groups = channelGroups(parts, locale);
  const keys = groups.flatMap((group) => group.keys);
  const delivery = buildDeliveryMessages(
    groups.map(({ group }) => group),
    locale,
  );
  const messages: OutboxMessage[] = delivery.map((message, index) => {
    const nonce = messageNonce(channelId, keys, index);
    return {
      nonce,
      body: { embeds: message.embeds, nonce, enforce_nonce: true, allowed_mentions: { parse: [] } },
    };
  });
  const advances = parts.map(advanceOf);
  const first = messages[0]?.nonce ?? messageNonce(channelId, keys, 0);
  return {
    entry: {
      id: `${first}.${now.getTime().toString(36)}`,
      channelId,
      messages,
      sent: 0,
      advances,
      createdAt: now.toISOString(),
    },
    itemCount: keys.length,
  };
}

/**
 * Writes an advance onto the stored subscription, read fresh. Skipped (false)
 * when the subscription was deleted or now polls another session.
 */
export async function applyAdvance(
  store: Store,
  advance: SubscriptionAdvance,
  postedAt: Date | undefined,
  /** The feeds whose states an advance may carry. */
  feeds: readonly AnyFeed[] = registeredFeeds,
): Promise<boolean> {
  const stored = await store.subscriptions.update(advance.subscriptionId, (fresh) => {
    if (fresh.currentSession !== advance.session) return undefined;
    let next: Subscription = { ...fresh };
    for (const feed of feeds) {
      const state = feed.storage.readAdvance(advance);
      if (state !== undefined) {
        next = feed.storage.write(next, feed.merge(feed.storage.read(fresh), state));
      }
    }
    if (postedAt !== undefined) next.lastPostAt = postedAt.toISOString();
    return next;
  });
  if (stored === undefined) return false;
  return true;
}
