/**
 * Outbox entries: one channel's posts of one cycle, written before the first
 * send so a crash can neither lose nor repeat them, and the subscription
 * state they carry, applied only once Discord accepted every message.
 */
import { createHash } from "node:crypto";
import { buildDeliveryMessages, type DeliveryGroup } from "../../format/delivery.js";
import {
  addGamesToGroups,
  type GamesAdvance,
  type GamesPart,
  gamesFeed,
  gamesStateOf,
  mergeGamesState,
} from "../../feeds/games.js";
import { historiesFeed } from "../../feeds/histories.js";
import type { Locale } from "../../i18n/index.js";
import type {
  OutboxEntry,
  OutboxMessage,
  Store,
  Subscription,
  SubscriptionAdvance,
} from "../../store/types.js";
import { type GameChange, type HistoryItem, historyItemKey } from "../../tracker/types.js";
import { type AdvancedState, type DeliveryState, withinWindow } from "../../feeds/historyDetect.js";
import { secondOf, watermarkMs } from "../../util/watermark.js";

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

/** What one subscription contributes to its channel's post of a cycle. */
export interface ChannelPart {
  subscriptionId: string;
  userId: string;
  nick: string;
  session: number;
  items: readonly HistoryItem[];
  /** Null when no history item was new (only game-rule changes are posted). */
  next: AdvancedState | null;
  /** New game-rule changes (`games:true` subscriptions) and the games state once posted. */
  games?: { changes: readonly GameChange[]; next: GamesAdvance } | undefined;
}

/** The parts' game-rule changes, for addGamesToGroups. */
function gamesParts(parts: readonly ChannelPart[]): GamesPart[] {
  return parts.flatMap((part) => (part.games === undefined ? [] : [{ ...part, ...part.games }]));
}

/** Every line's identity, in message order (the nonces hash these). */
function lineKeys(groups: readonly DeliveryGroup[]): string[] {
  return groups.flatMap((group) => [
    ...group.items.map(historiesFeed.key),
    ...(group.gameChanges ?? []).map(gamesFeed.key),
  ]);
}

/** What the outbox writes for a part once its posts went out. */
function advanceOf(part: ChannelPart): SubscriptionAdvance {
  const advance: SubscriptionAdvance = {
    subscriptionId: part.subscriptionId,
    session: part.session,
  };
  if (part.next !== null) {
    advance.watermark = part.next.watermark;
    advance.seenAtWatermark = [...part.next.seenAtWatermark];
  }
  if (part.games !== undefined) {
    advance.gamesWatermark = part.games.next.gamesWatermark;
    advance.gamesSeenIds = [...part.games.next.gamesSeenIds];
  }
  return advance;
}

/**
 * One group per (member, session), each oldest first; an item that two
 * subscriptions of the same channel both want is posted once. Groups are
 * ordered by their oldest item, so the channel reads in the order things happened.
 */
export function channelGroups(parts: readonly ChannelPart[]): DeliveryGroup[] {
  const groups = new Map<string, { group: DeliveryGroup; items: Map<string, HistoryItem> }>();
  for (const part of parts) {
    const key = `${part.userId}:${part.session}`;
    let entry = groups.get(key);
    if (entry === undefined) {
      const group: DeliveryGroup = { userId: part.userId, session: part.session, items: [] };
      if (part.nick !== "") group.nick = part.nick;
      entry = { group, items: new Map() };
      groups.set(key, entry);
    }
    for (const item of part.items) entry.items.set(historyItemKey(item), item);
  }
  const result = [...groups.values()].map(({ group, items }) => ({
    ...group,
    items: [...items.values()].sort(historiesFeed.compare),
  }));
  const oldest = (group: DeliveryGroup): number => group.items[0]?.happened.getTime() ?? 0;
  return result.sort((a, b) => oldest(a) - oldest(b));
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
  const groups = addGamesToGroups(channelGroups(parts), gamesParts(parts));
  const keys = lineKeys(groups);
  const messages: OutboxMessage[] = buildDeliveryMessages(groups, locale).map((message, index) => {
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
 * Never moves a watermark backwards: a stale advance (one that lost a race
 * with a newer one) is ignored, and two for the same second merge their keys.
 */
export function mergeState(current: DeliveryState, advance: DeliveryState): DeliveryState {
  const currentMs = watermarkMs(current.watermark);
  const advanceMs = watermarkMs(advance.watermark);
  if (advanceMs === undefined) return current;
  if (currentMs === undefined || secondOf(advanceMs) > secondOf(currentMs)) return advance;
  if (secondOf(advanceMs) < secondOf(currentMs)) return current;
  return {
    watermark: advanceMs > currentMs ? advance.watermark : current.watermark,
    seenAtWatermark: withinWindow(
      [...current.seenAtWatermark, ...advance.seenAtWatermark],
      secondOf(Math.max(advanceMs, currentMs)),
    ),
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
): Promise<boolean> {
  const stored = await store.subscriptions.update(advance.subscriptionId, (fresh) => {
    if (fresh.currentSession !== advance.session) return undefined;
    let next: Subscription = { ...fresh };
    if (advance.watermark !== undefined) {
      const state = mergeState(fresh, {
        watermark: advance.watermark,
        seenAtWatermark: advance.seenAtWatermark ?? [],
      });
      next = { ...next, watermark: state.watermark, seenAtWatermark: [...state.seenAtWatermark] };
    }
    if (advance.gamesWatermark !== undefined) {
      const games = mergeGamesState(gamesStateOf(fresh), {
        gamesWatermark: advance.gamesWatermark,
        gamesSeenIds: advance.gamesSeenIds ?? [],
      });
      next = {
        ...next,
        gamesWatermark: games.gamesWatermark,
        gamesSeenIds: [...games.gamesSeenIds],
      };
    }
    if (postedAt !== undefined) next.lastPostAt = postedAt.toISOString();
    return next;
  });
  if (stored === undefined) return false;
  return true;
}
