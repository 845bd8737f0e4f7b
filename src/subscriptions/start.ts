import { randomBytes } from "node:crypto";
import type { AnyFeed } from "../feeds/feed.js";
import { historyWindow } from "../feeds/historyDetect.js";
import { registeredFeeds } from "../feeds/registry.js";
import type { Subscription, SubscriptionFilters } from "../store/types.js";
import { type HistoryItem, runningSessionIds, type TrackerClient } from "../tracker/types.js";

/**
 * History state that treats everything the tracker already has as handled,
 * so a new card or subscription shows only what happens after it was made: the
 * watermark is the newest `happened`, and every item of the poller's window
 * before it is marked as seen. `items` must hold the whole window.
 */
export function startingState(
  items: readonly HistoryItem[],
): Pick<Subscription, "watermark" | "seenAtWatermark"> {
  const state = historyWindow.seed(items);
  return { watermark: state.watermark, seenAtWatermark: [...state.seen] };
}

/** The session a subscription polls now: the fixed one, or the user's active one (null: none). */
export async function resolveSession(
  tracker: TrackerClient,
  token: string,
  session: number | null,
): Promise<number | null> {
  if (session !== null) return session;
  const page = await tracker.sessions(token, { active: true, limit: 10 });
  return runningSessionIds(page.items)[0] ?? null;
}

/** The fields a subscription record cannot be without, and any feed's state. */
type StartingFields = Pick<Subscription, "watermark" | "seenAtWatermark"> & Partial<Subscription>;

/**
 * Where a new subscription starts in every feed it asked for (`asked`: its options, e.g.
 * `games`): each feed's seed, stored in the fields that feed maps to. Reading the history's
 * newest page also proves the token and the session are good. No session yet: nothing handled.
 */
export async function startingStateFor(
  tracker: TrackerClient,
  token: string,
  session: number | null,
  asked: Partial<Subscription> = {},
  feeds: readonly AnyFeed[] = registeredFeeds,
): Promise<StartingFields> {
  // The record's required fields hold nothing handled until a feed's seed says otherwise.
  let fields: StartingFields = { watermark: null, seenAtWatermark: [] };
  for (const feed of feeds) {
    if (!feed.wants(asked)) continue;
    const state =
      session === null ? { watermark: null, seen: [] } : await feed.seed(tracker, token, session);
    fields = feed.storage.write(fields, state);
  }
  return fields;
}

export function newSubscriptionId(): string {
  return randomBytes(4).toString("hex");
}

export function sameFilters(a: SubscriptionFilters, b: SubscriptionFilters): boolean {
  return a.type === b.type && a.source === b.source && a.dom === b.dom;
}
