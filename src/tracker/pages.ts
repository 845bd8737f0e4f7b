/** Paging through a tracker feed (`cursor_next`), for every feed alike. */
import { type TrackerEndpoint, TrackerUnexpectedResponseError } from "./errors.js";

export const pageLimit = 200;
/** 100 000 items: far beyond any real session; a tracker that pages on forever fails the source instead. */
export const maxPages = 500;

/**
 * Follows `cursor_next` from the first page on, handing each page to `onPage`; returns the
 * number of requests. A repeated cursor or more than `maxPages` pages fails the chain.
 */
export async function walkPages<T>(
  endpoint: TrackerEndpoint,
  read: (cursor: string | undefined) => Promise<{ items: T[]; cursorNext: string | undefined }>,
  onPage: (items: T[], more: boolean) => void,
  onRequest: (() => void) | undefined,
): Promise<number> {
  const cursors = new Set<string>();
  let cursor: string | undefined;
  let requests = 0;
  for (;;) {
    requests++;
    onRequest?.();
    const page = await read(cursor);
    const more = page.cursorNext !== undefined && page.cursorNext !== "";
    onPage(page.items, more);
    if (!more) return requests;
    const next = page.cursorNext as string;
    if (cursors.has(next) || requests >= maxPages) {
      throw new TrackerUnexpectedResponseError(endpoint, "cursor_next does not come to an end");
    }
    cursors.add(next);
    cursor = next;
  }
}
