/**
 * Game-rule changes joining a cycle's channel post, for the poller to use once it polls the
 * games feed: a subscription's new changes go into the delivery group of the same member and
 * session (so they share a message with that session's history items), deduplicated by id
 * when two subscriptions of the channel both want them.
 */
import type { DeliveryGroup } from "../format/delivery.js";
import type { GameChange } from "../tracker/types.js";
import { byHappenedThenId, type GamesAdvance } from "./detect.js";

/** What one `games:true` subscription contributes to its channel's post of a cycle. */
export interface GamesPart {
  subscriptionId: string;
  userId: string;
  nick: string;
  session: number;
  /** New changes, oldest first (detectNewGameChanges().deliver). */
  changes: readonly GameChange[];
  /** Written with the outbox entry's advances once Discord accepted every message. */
  next: GamesAdvance;
}

/** The identity of a change among a message's items (for nonces): never equal to a history key. */
export function gameChangeKey(change: Pick<GameChange, "id">): string {
  return `game:${change.id}`;
}

/**
 * `groups` (from channelGroups) with each part's changes merged into the group of the same
 * member and session, or a new group of changes only; groups re-sorted by their oldest line.
 */
export function addGamesToGroups(
  groups: readonly DeliveryGroup[],
  parts: readonly GamesPart[],
): DeliveryGroup[] {
  const merged = new Map<string, { group: DeliveryGroup; changes: Map<number, GameChange> }>();
  for (const group of groups) {
    const changes = new Map((group.gameChanges ?? []).map((c) => [c.id, c]));
    merged.set(`${group.userId}:${group.session}`, { group, changes });
  }
  for (const part of parts) {
    const key = `${part.userId}:${part.session}`;
    let entry = merged.get(key);
    if (entry === undefined) {
      const group: DeliveryGroup = { userId: part.userId, session: part.session, items: [] };
      if (part.nick !== "") group.nick = part.nick;
      entry = { group, changes: new Map() };
      merged.set(key, entry);
    }
    for (const change of part.changes) entry.changes.set(change.id, change);
  }
  const result = [...merged.values()].map(({ group, changes }) => {
    const sorted = [...changes.values()].sort(byHappenedThenId);
    return sorted.length > 0 ? { ...group, gameChanges: sorted } : group;
  });
  const oldest = (group: DeliveryGroup): number =>
    Math.min(
      group.items[0]?.happened.getTime() ?? Number.POSITIVE_INFINITY,
      group.gameChanges?.[0]?.happened.getTime() ?? Number.POSITIVE_INFINITY,
    );
  return result.sort((a, b) => oldest(a) - oldest(b));
}
