/**
 * One source's request chain: every page from `from` on, then a re-read of
 * each second a page ended in. The tracker's cursor encodes only (happened,
 * schedule, source), so two records equal in those could straddle a page
 * boundary and the second be skipped by its paging; re-reading that one
 * second (usually one small request, and only when there was more than one
 * page) recovers it, and normalizeFetched drops the repeats.
 */
import type { HistoriesQuery, HistoryItem, TrackerClient } from "../tracker/types.js";
import { pageLimit, walkPages } from "../tracker/pages.js";
import { secondOf } from "../util/watermark.js";
import { normalizeFetched } from "./historyDetect.js";

export { pageLimit };

export interface SourceFetch {
  /** Unique items, oldest first. */
  items: HistoryItem[];
  requests: number;
}

function walk(
  tracker: TrackerClient,
  token: string,
  query: HistoriesQuery,
  onPage: (items: HistoryItem[], more: boolean) => void,
  onRequest: (() => void) | undefined,
): Promise<number> {
  return walkPages(
    "histories",
    (cursor) => tracker.histories(token, { ...query, limit: pageLimit, cursor }),
    onPage,
    onRequest,
  );
}

export async function fetchSourceItems(
  tracker: TrackerClient,
  token: string,
  session: number,
  from: Date | undefined,
  /** Called before every request, so a chain that fails half-way is still counted. */
  onRequest?: () => void,
  /** Nothing is known of how often this source changes: start with its newest page. */
  wide = false,
): Promise<SourceFetch> {
  const collected: HistoryItem[] = [];
  let requests = 0;
  if (wide && from !== undefined) {
    // The newest page, unbounded: its dates give the rate estimate at once, and when it
    // reaches back before `from` it already holds every item the chain below would read.
    requests++;
    onRequest?.();
    const page = await tracker.histories(token, { session, limit: pageLimit });
    collected.push(...page.items);
    const oldest = page.items.at(-1);
    const complete =
      page.cursorNext === undefined ||
      page.cursorNext === "" ||
      (oldest !== undefined && secondOf(oldest.happened.getTime()) < secondOf(from.getTime()));
    if (complete) return { items: normalizeFetched(collected), requests };
  }
  const boundarySeconds = new Set<number>();
  requests += await walk(
    tracker,
    token,
    { session, from },
    (items, more) => {
      collected.push(...items);
      const last = items.at(-1);
      if (more && last !== undefined) boundarySeconds.add(secondOf(last.happened.getTime()));
    },
    onRequest,
  );
  for (const second of boundarySeconds) {
    // `to` is inclusive but sent floored to the second: the next second's start covers all of this one.
    const query = { session, from: new Date(second * 1000), to: new Date((second + 1) * 1000) };
    requests += await walk(tracker, token, query, (items) => collected.push(...items), onRequest);
  }
  return { items: normalizeFetched(collected), requests };
}

/**
 * What a new subscription starts after: the newest page of the session (also proving the
 * token and the session are good), and the rest of the late window before its newest item
 * when one page does not hold it.
 */
export async function seedSourceItems(
  tracker: TrackerClient,
  token: string,
  session: number,
  windowSeconds: number,
): Promise<HistoryItem[]> {
  const page = await tracker.histories(token, { session, limit: pageLimit });
  const oldest = page.items.at(-1);
  if (oldest === undefined || page.cursorNext === undefined) return page.items;
  const newestMs = Math.max(...page.items.map((i) => i.happened.getTime()));
  const start = secondOf(newestMs) - windowSeconds;
  if (secondOf(oldest.happened.getTime()) < start) return page.items;
  const window: HistoryItem[] = [];
  const query = { session, from: new Date(start * 1000), limit: pageLimit };
  for await (const item of tracker.iterateHistories(token, query)) window.push(item);
  return [...page.items, ...window];
}
