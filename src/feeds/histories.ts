/** The history feed: a session's history items (identity: the whole record, historyItemKey). */
import { type HistoryItem, historyItemKey } from "../tracker/types.js";
import type { Feed } from "./feed.js";
import { type AdvancedState, detectNew, fetchFrom, lateWindowSeconds } from "./historyDetect.js";
import { fetchSourceItems } from "./historyFetch.js";

export const historiesFeed: Feed<HistoryItem, AdvancedState> = {
  name: "histories",
  lateWindowSeconds,
  // Every subscription reads its session's history.
  readers: (subs) => [...subs],
  since: (subs) => fetchFrom(subs.map((sub) => sub.watermark)),
  read: async (tracker, r) =>
    (await fetchSourceItems(tracker, r.token, r.session, r.from, r.onRequest, r.wide ?? false))
      .items,
  key: historyItemKey,
  compare: (a, b) => a.happened.getTime() - b.happened.getTime(),
  // Filtered-out items still move the watermark (next), they are just not posted.
  detect: (sub, items) => detectNew(sub, sub.filters, items),
};
