/**
 * Pure "what is new" logic. Items have no id and `from` only has second
 * precision, so a subscription remembers the newest handled `happened` (its
 * watermark) and the whole-record keys it already handled within a window
 * reaching `lateWindowSeconds` before the watermark's second. Reading that
 * window again every cycle also catches an item that became visible after a
 * newer one had been read (two writers committing out of order). Everything
 * here is deterministic and free of I/O.
 */
import type { SubscriptionFilters } from "../store/types.js";
import { type HistoryItem, historyItemKey } from "../tracker/types.js";
import { secondOf, watermarkMs } from "../util/watermark.js";

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

/** The second of `happened` encoded at the end of a historyItemKey. */
export function keySecond(key: string): number {
  return secondOf(Number(key.slice(key.lastIndexOf("|") + 1)));
}

/** First second of the window of a watermark second. */
export function windowStart(markSecond: number): number {
  return markSecond - lateWindowSeconds;
}

/**
 * The `from` one request chain uses for every subscription of a source: the
 * start of the oldest watermark's window (the tracker's `from` is inclusive),
 * or no bound at all when some subscription has handled nothing yet.
 */
export function fetchFrom(watermarks: readonly (string | null)[]): Date | undefined {
  let min = Number.POSITIVE_INFINITY;
  for (const watermark of watermarks) {
    const ms = watermarkMs(watermark);
    if (ms === undefined) return undefined;
    min = Math.min(min, ms);
  }
  return Number.isFinite(min) ? new Date(windowStart(secondOf(min)) * 1000) : undefined;
}

/** The seen keys still inside the window of `markSecond`. */
export function withinWindow(keys: Iterable<string>, markSecond: number): string[] {
  const start = windowStart(markSecond);
  return [...new Set(keys)].filter((key) => keySecond(key) >= start);
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
 * An item is new iff its second is later than the watermark's, or it lies in
 * the window (`lateWindowSeconds` before the watermark's second, up to it) and
 * its key was not handled yet. `seenAtWatermark` holds every handled key of
 * that window, so an item in it that is not there was not visible before.
 * `oldestFirst` is the shared fetch of the subscription's source (possibly
 * reaching further back than this subscription's window).
 */
export function detectNew(
  state: DeliveryState,
  filters: SubscriptionFilters,
  oldestFirst: readonly HistoryItem[],
): Detection {
  const markMs = watermarkMs(state.watermark);
  const markSecond = markMs === undefined ? undefined : secondOf(markMs);
  const seen = new Set(state.seenAtWatermark);
  const taken = new Set<string>();
  const handled: HistoryItem[] = [];
  const handledKeys: string[] = [];
  for (const item of oldestFirst) {
    const key = historyItemKey(item);
    if (taken.has(key)) continue;
    const second = secondOf(item.happened.getTime());
    const isNew =
      markSecond === undefined ||
      second > markSecond ||
      (second >= windowStart(markSecond) && !seen.has(key));
    if (!isNew) continue;
    taken.add(key);
    handled.push(item);
    handledKeys.push(key);
  }
  if (handled.length === 0) return { deliver: [], handled, next: null };

  let nextMs = markMs ?? Number.NEGATIVE_INFINITY;
  for (const item of handled) nextMs = Math.max(nextMs, item.happened.getTime());
  return {
    deliver: handled.filter((item) => matchesFilters(item, filters)),
    handled,
    next: {
      watermark: new Date(nextMs).toISOString(),
      seenAtWatermark: withinWindow([...state.seenAtWatermark, ...handledKeys], secondOf(nextMs)),
    },
  };
}
