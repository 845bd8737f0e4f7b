import { randomBytes } from "node:crypto";
import { windowStart, withinWindow } from "../feeds/historyDetect.js";
import { gamesStartingState } from "../games/detect.js";
import { secondOf } from "../util/watermark.js";
import type { Subscription, SubscriptionFilters } from "../store/types.js";
import {
  type HistoryItem,
  historyItemKey,
  runningSessionIds,
  type TrackerClient,
} from "../tracker/types.js";

/**
 * Delivery state that treats everything the tracker already has as handled,
 * so a new subscription posts only what happens after it was made: the
 * watermark is the newest `happened`, and every item of the poller's window
 * before it is marked as seen. `items` must hold the whole window.
 */
export function startingState(
  items: readonly HistoryItem[],
): Pick<Subscription, "watermark" | "seenAtWatermark"> {
  if (items.length === 0) return { watermark: null, seenAtWatermark: [] };
  const newestMs = Math.max(...items.map((item) => item.happened.getTime()));
  return {
    watermark: new Date(newestMs).toISOString(),
    seenAtWatermark: withinWindow(items.map(historyItemKey), secondOf(newestMs)),
  };
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

/**
 * Reads the newest page of the session (also proving the token and the
 * session are good), and the rest of the window when one page does not hold it.
 */
export async function startingStateFor(
  tracker: TrackerClient,
  token: string,
  session: number | null,
) {
  if (session === null) return { watermark: null, seenAtWatermark: [] };
  const page = await tracker.histories(token, { session, limit: 200 });
  const newest = page.items[0];
  const oldest = page.items.at(-1);
  if (!newest || !oldest || page.cursorNext === undefined) return startingState(page.items);
  const start = windowStart(secondOf(Math.max(...page.items.map((i) => i.happened.getTime()))));
  if (secondOf(oldest.happened.getTime()) < start) return startingState(page.items);
  const window: HistoryItem[] = [];
  for await (const item of tracker.iterateHistories(token, {
    session,
    from: new Date(start * 1000),
    limit: 200,
  })) {
    window.push(item);
  }
  return startingState([...page.items, ...window]);
}

/** Everything the games feed has now counts as handled: only later rule changes are posted. */
export async function gamesStartingStateFor(
  tracker: TrackerClient,
  token: string,
  session: number | null,
) {
  if (session === null) return { gamesWatermark: null, gamesSeenIds: [] };
  const page = await tracker.gamesChanges(token, { session, limit: 200, includeDiff: false });
  const state = gamesStartingState(page.items);
  return { gamesWatermark: state.gamesWatermark, gamesSeenIds: [...state.gamesSeenIds] };
}

export function newSubscriptionId(): string {
  return randomBytes(4).toString("hex");
}

export function sameFilters(a: SubscriptionFilters, b: SubscriptionFilters): boolean {
  return a.type === b.type && a.source === b.source && a.dom === b.dom;
}
