/**
 * The history feed's "what is new": items have no id, so an item's identity is its whole
 * record (historyItemKey, which ends in its `happened` ms), and the late-window rule of
 * window.ts decides what is new. These are the history-shaped names the feed, the live cards
 * and the tests use; the rule itself lives only in window.ts.
 */
import type { SubscriptionFilters } from "../store/types.js";
import { type HistoryItem, historyItemKey } from "../tracker/types.js";
import { secondOf } from "../util/watermark.js";
import { createWindow } from "./window.js";

export interface DeliveryState {
  watermark: string | null;
  seenAtWatermark: readonly string[];
}

/** State after handling something: there is always a watermark then. */
export interface AdvancedState {
  watermark: string;
  seenAtWatermark: string[];
}

export interface Detection {
  /** New items that pass the filters, oldest first: these are posted. */
  deliver: HistoryItem[];
  /** Every new item, filtered out or not, oldest first: the watermark moves past all of them. */
  handled: HistoryItem[];
  /** State once `handled` is handled; null when nothing was new. */
  next: AdvancedState | null;
}

/** How far before the watermark's second items are read again and remembered. */
export const lateWindowSeconds = 60;

export const historyWindow = createWindow<HistoryItem, string>(
  {
    key: historyItemKey,
    // The second of `happened`, encoded at the end of the key.
    secondOfKey: (key) => secondOf(Number(key.slice(key.lastIndexOf("|") + 1))),
  },
  lateWindowSeconds,
);

/**
 * The `from` one request chain uses for every subscription of a source: the
 * start of the oldest watermark's window (the tracker's `from` is inclusive),
 * or no bound at all when some subscription has handled nothing yet.
 */
export function fetchFrom(watermarks: readonly (string | null)[]): Date | undefined {
  return historyWindow.since(watermarks);
}

/**
 * Tracker order (newest first, possibly with a record repeated where a tie
 * straddles a page boundary) to unique items, oldest first. The sort is
 * stable, so ties keep the tracker's (reversed) order; it only matters for
 * items merged in from a second request.
 */
export function normalizeFetched(newestFirst: readonly HistoryItem[]): HistoryItem[] {
  const seen = new Set<string>();
  const unique: HistoryItem[] = [];
  for (const item of newestFirst) {
    const key = historyItemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(item);
  }
  unique.reverse();
  return unique.sort((a, b) => a.happened.getTime() - b.happened.getTime());
}

export function matchesFilters(item: HistoryItem, filters: SubscriptionFilters): boolean {
  if (filters.type !== undefined && item.type !== filters.type) return false;
  if (filters.source !== undefined && item.source !== filters.source) return false;
  if (filters.dom !== undefined && item.dom !== filters.dom) return false;
  return true;
}

/**
 * The new items of `oldestFirst` (the shared read of the subscription's source, possibly
 * reaching further back than this subscription's window) and the state once handled.
 * Filtered-out items still move the watermark; they are just not posted.
 */
export function detectNew(
  state: DeliveryState,
  filters: SubscriptionFilters,
  oldestFirst: readonly HistoryItem[],
): Detection {
  const { handled, next } = historyWindow.detect(
    { watermark: state.watermark, seen: state.seenAtWatermark },
    oldestFirst,
  );
  return {
    deliver: handled.filter((item) => matchesFilters(item, filters)),
    handled,
    next: next === null ? null : { watermark: next.watermark, seenAtWatermark: next.seen },
  };
}

/**
 * Never moves a watermark backwards: a stale advance (one that lost a race
 * with a newer one) is ignored, and two for the same second merge their keys.
 */
export function mergeState(current: DeliveryState, advance: DeliveryState): DeliveryState {
  if (advance.watermark === null) return current;
  const merged = historyWindow.merge(
    { watermark: current.watermark, seen: current.seenAtWatermark },
    { watermark: advance.watermark, seen: [...advance.seenAtWatermark] },
  );
  return { watermark: merged.watermark, seenAtWatermark: merged.seen };
}
