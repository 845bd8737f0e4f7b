/**
 * A feed: something a followed session publishes that the poller reads page by page since a
 * watermark and posts exactly once. Histories and game-rule changes are its two instances
 * (histories.ts, games.ts); a third one is a new file of this shape, not a new twin.
 *
 * Every feed has the same shape of state in the subscription record: the newest handled
 * `happened` (its watermark) and the identities it handled within `lateWindowSeconds` before
 * that second, because `happened` has second precision and two writers may commit out of
 * order. Each read starts at the oldest watermark's window (the tracker's `from` is inclusive).
 */
import type { Subscription } from "../store/types.js";
import type { TrackerClient } from "../tracker/types.js";

export interface FeedRead {
  token: string;
  session: number;
  /** The start of the oldest watermark's late window; undefined: no bound. */
  from: Date | undefined;
  /** Called before every request, so a chain that fails half-way is still counted. */
  onRequest?: (() => void) | undefined;
  /** Nothing is known yet of how often the source changes (a feed may read wider). */
  wide?: boolean | undefined;
}

export interface FeedDetection<Item, Advance> {
  /** New items to post, in the feed's order. */
  deliver: Item[];
  /** The subscription's state once they were posted; null when nothing was new. */
  next: Advance | null;
}

/** What the session says of itself (a feed may be known to be empty). */
export interface SessionHints {
  hasGamesChanges: boolean;
}

export interface Feed<Item extends { happened: Date }, Advance> {
  readonly name: string;
  /** Seconds before the watermark's second that are read again and remembered. */
  readonly lateWindowSeconds: number;
  /** The subscriptions of a source that read this feed (`hints` undefined: unknown). */
  readers(subs: readonly Subscription[], hints: SessionHints | undefined): Subscription[];
  /** The `from` of one read for these subscriptions (the oldest watermark's window). */
  since(subs: readonly Subscription[]): Date | undefined;
  /** Every item since `from`, unique, in the feed's order. */
  read(tracker: TrackerClient, request: FeedRead): Promise<Item[]>;
  /** An item's identity among a message's lines (the nonces hash these). */
  key(item: Item): string;
  /** The feed's order: oldest first. */
  compare(a: Item, b: Item): number;
  /** What is new for `sub` among `items` (a read reaching back to its window), and its next state. */
  detect(sub: Subscription, items: readonly Item[]): FeedDetection<Item, Advance>;
}
