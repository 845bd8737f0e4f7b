/**
 * Where a feed without fields of its own keeps its state: `feeds[name]` of the subscription
 * and of an outbox entry's advance, which both stores persist as they are. Its identities are
 * strings (a feed with numeric ids stores them as text).
 */
import type { FeedStorage } from "./feed.js";

export function storedInMap(name: string): FeedStorage<string> {
  return {
    read: (sub) => sub.feeds?.[name] ?? { watermark: null, seen: [] },
    write: (sub, state) => ({
      ...sub,
      feeds: { ...sub.feeds, [name]: { watermark: state.watermark, seen: [...state.seen] } },
    }),
    readAdvance: (advance) => advance.feeds?.[name],
    writeAdvance: (advance, next) => ({
      ...advance,
      feeds: { ...advance.feeds, [name]: { watermark: next.watermark, seen: [...next.seen] } },
    }),
  };
}
