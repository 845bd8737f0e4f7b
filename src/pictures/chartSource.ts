/**
 * Where a chart's data comes from: the history pages of the window, walked
 * with a cap on items and requests, prepared once and kept briefly per
 * (member, session, window) so that a repeated /chart does not repeat the walk.
 */

import { TrackerUnexpectedResponseError } from "../tracker/errors.js";
import type { HistoriesQuery, HistoryItem, TrackerClient } from "../tracker/types.js";

export interface WalkCap {
  items: number;
  requests: number;
  pageSize: number;
}

/** 10 pages of the tracker's largest page: enough for weeks of a busy lock. */
export const chartCap: WalkCap = { items: 2_000, requests: 10, pageSize: 200 };

export interface Walked {
  /** Newest first, as the tracker pages them. */
  items: HistoryItem[];
  capped: boolean;
  requests: number;
}

/**
 * Pages through the window newest first until the last page or the cap. Pages
 * are requested one by one (not through iterateHistories) so that the number
 * of requests is capped as well as the number of items, whatever page size
 * the tracker really answers with.
 */
export async function walkHistories(
  tracker: TrackerClient,
  token: string,
  query: Omit<HistoriesQuery, "cursor" | "limit">,
  cap: WalkCap = chartCap,
): Promise<Walked> {
  const items: HistoryItem[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  let requests = 0;
  for (;;) {
    const page = await tracker.histories(token, { ...query, limit: cap.pageSize, cursor });
    requests += 1;
    items.push(...page.items);
    if (items.length >= cap.items) {
      return { items: items.slice(0, cap.items), capped: true, requests };
    }
    if (page.cursorNext === undefined) return { items, capped: false, requests };
    if (requests >= cap.requests) return { items, capped: true, requests };
    if (seen.has(page.cursorNext)) {
      throw new TrackerUnexpectedResponseError(
        "histories",
        "cursor_next repeated a previous cursor",
      );
    }
    seen.add(page.cursorNext);
    cursor = page.cursorNext;
  }
}

/** A small TTL cache with a size bound, on an injected clock. */
export interface PictureCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
}

export function createPictureCache<T>(
  ttlMs: number,
  maxEntries: number,
  now: () => number,
): PictureCache<T> {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.expires > now()) return hit.value;
      entries.delete(key);
      const value = load();
      entries.set(key, { value, expires: now() + ttlMs });
      // A failed walk is not remembered: the next call tries again.
      value.catch(() => entries.delete(key));
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return value;
    },
  };
}

export function chartCacheKey(
  userId: string,
  session: number,
  from: Date | undefined,
  to: Date | undefined,
): string {
  // Windows are compared to the minute, so `from:24h` asked twice in a row hits the cache.
  const minute = (d: Date | undefined) => (d ? Math.floor(d.getTime() / 60_000) : "");
  return `${userId}|${session}|${minute(from)}|${minute(to)}`;
}
