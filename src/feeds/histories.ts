/**
 * The history feed: a session's history items (identity: the whole record, historyItemKey),
 * read for every subscription; its state is the subscription's `watermark` and
 * `seenAtWatermark`.
 */
import { formatItemLine } from "../format/items.js";
import { type HistoryItem, historyItemKey } from "../tracker/types.js";
import type { Feed, FeedStorage } from "./feed.js";
import { historyWindow, lateWindowSeconds, matchesFilters } from "./historyDetect.js";
import { fetchSourceItems, seedSourceItems } from "./historyFetch.js";

const storage: FeedStorage<string> = {
  read: (sub) => ({ watermark: sub.watermark ?? null, seen: sub.seenAtWatermark ?? [] }),
  write: (sub, state) => ({
    ...sub,
    watermark: state.watermark,
    seenAtWatermark: [...state.seen],
  }),
  readAdvance: (advance) =>
    advance.watermark === undefined
      ? undefined
      : { watermark: advance.watermark, seen: advance.seenAtWatermark ?? [] },
  writeAdvance: (advance, next) => ({
    ...advance,
    watermark: next.watermark,
    seenAtWatermark: [...next.seen],
  }),
};

export const historiesFeed: Feed<HistoryItem, string> = {
  name: "histories",
  lateWindowSeconds,
  storage,
  wants: () => true,
  // Every subscription reads its session's history.
  readers: (subs) => [...subs],
  since: (subs) => historyWindow.since(subs.map((sub) => sub.watermark)),
  read: async (tracker, r) =>
    (await fetchSourceItems(tracker, r.token, r.session, r.from, r.onRequest, r.wide ?? false))
      .items,
  seed: async (tracker, token, session) =>
    historyWindow.seed(await seedSourceItems(tracker, token, session, lateWindowSeconds)),
  key: historyItemKey,
  compare: (a, b) => a.happened.getTime() - b.happened.getTime(),
  // Filtered-out items still move the watermark (next), they are just not posted.
  detect: (sub, items) => {
    const { handled, next } = historyWindow.detect(storage.read(sub), items);
    return { deliver: handled.filter((item) => matchesFilters(item, sub.filters)), next };
  },
  merge: (current, advance) => historyWindow.merge(current, advance),
  line: (item, locale) => formatItemLine(item, locale),
};
