import { randomBytes } from "node:crypto";
import type { Subscription, SubscriptionFilters } from "../store/types.js";
import { type HistoryItem, historyItemKey, type TrackerClient } from "../tracker/types.js";

/**
 * Delivery state that treats everything the tracker already has as handled,
 * so a new subscription posts only what happens after it was made. From the
 * newest page (newest first): the watermark is the newest `happened`, and every
 * item of that second is marked as seen.
 */
export function startingState(
  newestFirst: readonly HistoryItem[],
): Pick<Subscription, "watermark" | "seenAtWatermark"> {
  if (newestFirst.length === 0) return { watermark: null, seenAtWatermark: [] };
  const newestMs = Math.max(...newestFirst.map((item) => item.happened.getTime()));
  const second = Math.floor(newestMs / 1000);
  const seenAtWatermark = newestFirst
    .filter((item) => Math.floor(item.happened.getTime() / 1000) === second)
    .map(historyItemKey);
  return { watermark: new Date(newestMs).toISOString(), seenAtWatermark };
}

/** The session a subscription polls now: the fixed one, or the user's active one (null: none). */
export async function resolveSession(
  tracker: TrackerClient,
  token: string,
  session: number | null,
): Promise<number | null> {
  if (session !== null) return session;
  const page = await tracker.sessions(token, { active: true, limit: 10 });
  const active = page.items
    .filter((s) => s.active)
    .sort((a, b) => b.start.getTime() - a.start.getTime());
  return active[0]?.id ?? null;
}

/** Reads the newest page of the session (also proving the token and the session are good). */
export async function startingStateFor(
  tracker: TrackerClient,
  token: string,
  session: number | null,
) {
  if (session === null) return { watermark: null, seenAtWatermark: [] };
  const page = await tracker.histories(token, { session, limit: 200 });
  return startingState(page.items);
}

export function newSubscriptionId(): string {
  return randomBytes(4).toString("hex");
}

export function sameFilters(a: SubscriptionFilters, b: SubscriptionFilters): boolean {
  return a.type === b.type && a.source === b.source && a.dom === b.dom;
}
