/**
 * A feed: something a followed session publishes that the poller reads page by page since a
 * watermark and posts exactly once. A feed owns its whole life: where a new subscription
 * starts (seed), its state in a subscription and the stored fields it maps to (storage), the
 * read (since, read), what is new (detect), how two states merge, and its items' identity,
 * order and line in a post. The late-window rule they share is window.ts; the poller, the
 * outbox and /subscribe loop over the registered feeds (registry.ts) and name none. A third
 * feed is one more object of this shape.
 */
import type { Locale } from "../i18n/index.js";
import type { Subscription, SubscriptionAdvance } from "../store/types.js";
import type { TrackerClient } from "../tracker/types.js";
import type { WindowAdvance, WindowState } from "./window.js";

export type { WindowAdvance, WindowState } from "./window.js";

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

export interface FeedDetection<Item, Id> {
  /** New items to post, in the feed's order. */
  deliver: Item[];
  /** The subscription's state once they were posted; null when nothing was new. */
  next: WindowAdvance<Id> | null;
}

/** What the session says of itself (a feed may be known to be empty). */
export interface SessionHints {
  hasGamesChanges: boolean;
}

/**
 * Where a feed keeps its state: in a subscription record and in an outbox entry's advance.
 * The first feeds map it to fields of their own; a new one uses `feeds[name]` (storage.ts).
 */
export interface FeedStorage<Id> {
  /** The state in a subscription (a record older than the feed: nothing handled). */
  read(sub: Partial<Subscription>): WindowState<Id>;
  /** `sub` with the feed's state replaced. */
  write<S extends Partial<Subscription>>(sub: S, state: WindowState<Id>): S;
  /** The advance an outbox entry carries for the feed; undefined: none. */
  readAdvance(advance: SubscriptionAdvance): WindowAdvance<Id> | undefined;
  /** `advance` with the feed's advance added. */
  writeAdvance(advance: SubscriptionAdvance, next: WindowAdvance<Id>): SubscriptionAdvance;
}

// Members are methods (not function-valued properties) so that a Feed of any item is an AnyFeed.
export interface Feed<Item extends { happened: Date }, Id> {
  readonly name: string;
  /** Seconds before the watermark's second that are read again and remembered. */
  readonly lateWindowSeconds: number;
  readonly storage: FeedStorage<Id>;
  /** Whether a subscription (or one being made) asked for this feed: it keeps a state. */
  wants(sub: Partial<Subscription>): boolean;
  /** The subscriptions of a source that read this feed (`hints` undefined: unknown). */
  readers(subs: readonly Subscription[], hints: SessionHints | undefined): Subscription[];
  /** The `from` of one read for these subscriptions (the oldest watermark's window). */
  since(subs: readonly Subscription[]): Date | undefined;
  /** Every item since `from`, unique, in the feed's order. */
  read(tracker: TrackerClient, request: FeedRead): Promise<Item[]>;
  /** Where a new subscription starts: everything the session has now counts as handled. */
  seed(tracker: TrackerClient, token: string, session: number): Promise<WindowState<Id>>;
  /** An item's identity among a message's lines (the nonces hash these); unique across feeds. */
  key(item: Item): string;
  /** The feed's order: oldest first. */
  compare(a: Item, b: Item): number;
  /** What is new for `sub` among `items` (a read reaching back to its window), and its next state. */
  detect(sub: Subscription, items: readonly Item[]): FeedDetection<Item, Id>;
  /** Never moves the watermark back; ids of the same second merge. */
  merge(current: WindowState<Id>, advance: WindowAdvance<Id>): WindowState<Id>;
  /** The item's line in a channel post. */
  line(item: Item, locale: Locale): string;
}

/** Any feed, whatever its items: what the poller, the outbox and /subscribe hold. */
export type AnyFeed = Feed<{ happened: Date }, unknown>;

/** A source's reads of one tick, by feed. */
export type FeedReads = ReadonlyMap<AnyFeed, readonly { happened: Date }[]>;

/** One feed's items among a tick's reads, typed as the feed's. */
export function itemsOf<Item extends { happened: Date }>(
  reads: FeedReads,
  feed: Feed<Item, unknown>,
): readonly Item[] | undefined {
  return reads.get(feed as unknown as AnyFeed) as readonly Item[] | undefined;
}
