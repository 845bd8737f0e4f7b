/** Store interfaces: small, one per concern; keyv implementations live beside them. */
import type { HistorySource, HistoryType } from "../tracker/types.js";
import type { CardStore } from "./cards.js";
import type { DigestStore } from "./digest.js";
import type { LeaderboardStore } from "./leaderboard.js";
import type { LocaleStore } from "./locales.js";
import type { PlayStore } from "./plays.js";
import type { RoleStore } from "./roleTypes.js";

export type * from "./roleTypes.js";

export interface LinkedAccount {
  userId: string;
  /** Plain token, decrypted on read; only ever stored encrypted. */
  token: string;
  nick: string;
  /** ISO 8601. */
  linkedAt: string;
}

export interface AccountStore {
  get(userId: string): Promise<LinkedAccount | undefined>;
  /** The linked ones among `userIds`, read in one go (what `get` gives for each). */
  getMany(userIds: readonly string[]): Promise<Map<string, LinkedAccount>>;
  /** Encrypts the token and replaces any earlier link of this user. */
  set(account: LinkedAccount): Promise<void>;
  delete(userId: string): Promise<boolean>;
  /** What /privacy shows: the account without its token (nothing is decrypted). */
  summary(userId: string): Promise<AccountSummary | undefined>;
}

export interface AccountSummary {
  nick: string;
  /** ISO 8601. */
  linkedAt: string;
  /** Id of the encryption key the stored token is sealed with (not secret). */
  keyId: string;
}

export interface SubscriptionFilters {
  type?: HistoryType;
  source?: HistorySource;
  dom?: boolean;
}

export type SubscriptionStatus = "active" | "paused";

export type PauseReason =
  | "token_invalid"
  | "not_linked"
  | "missing_permissions"
  | "missing_access"
  | "unknown_channel"
  | "thread_closed"
  /** 50007: the member's DMs are closed to the bot (or no server is shared any more). */
  | "dm_closed";

/** Where a subscription posts: a server channel, or the member's DM with the bot. */
export type SubscriptionTarget = "channel" | "dm";

export interface Subscription {
  /** Short random id, shown to users and used as the autocomplete value. */
  id: string;
  /** The server it was made in; null for one made in the DM with the bot. */
  guildId: string | null;
  /** The channel posted into: for `target: "dm"` the member's DM channel with the bot. */
  channelId: string;
  /** Absent in records older than DM subscriptions: "channel". */
  target?: SubscriptionTarget;
  userId: string;
  /** A fixed session, or null to follow whichever session of the user is active. */
  session: number | null;
  filters: SubscriptionFilters;
  /** ISO 8601. */
  createdAt: string;
  status: SubscriptionStatus;
  pausedReason: PauseReason | null;
  /** ISO 8601. */
  pausedAt: string | null;
  /** The session polled now: equals `session` when fixed; the active one otherwise (null: none). */
  currentSession: number | null;
  /** `happened` (ISO 8601 with ms) of the newest item already handled; null: nothing yet. */
  watermark: string | null;
  /** Whole-record keys (historyItemKey) of handled items within the watermark's second. */
  seenAtWatermark: string[];
  /** ISO 8601 of the last message posted for this subscription. */
  lastPostAt: string | null;
  /** Also post the session's game-rule changes (`/subscribe games:true`). Absent: false. */
  games?: boolean;
  /** `happened` (ISO 8601) of the newest game-rule change handled; null: none yet. */
  gamesWatermark?: string | null;
  /** Ids of the handled game-rule changes within the late window before `gamesWatermark`. */
  gamesSeenIds?: number[];
  /** Post once when the session ends (`/subscribe announce_end:true`). Absent: false. */
  announceEnd?: boolean;
  /** The last session whose end was queued for posting (never announced twice); null: none. */
  endAnnounced?: number | null;
  /**
   * The state of every feed without fields of its own, by feed name (src/feeds/storage.ts):
   * a new feed needs no store change. Histories and games keep their fields above.
   */
  feeds?: Record<string, StoredFeedState>;
}

/** A feed's watermark and the identities it handled within its late window. */
export interface StoredFeedState {
  watermark: string | null;
  seen: string[];
}

export interface SubscriptionStore {
  get(id: string): Promise<Subscription | undefined>;
  list(): Promise<Subscription[]>;
  /**
   * Every subscription as held in memory, not copied: the poller's tick reads all of them every
   * second only to plan (10,000 copies a second at 10,000 subscriptions). Never change them;
   * copy what is kept or changed. Optional: a store without a memory copy leaves it out.
   */
  listShared?(): readonly Subscription[];
  listByUser(userId: string): Promise<Subscription[]>;
  listByGuild(guildId: string): Promise<Subscription[]>;
  put(subscription: Subscription): Promise<void>;
  /**
   * Atomic read-modify-write: `change` gets the current record and returns the
   * new one (or undefined for no change). Never re-creates a deleted record.
   * Every change to an existing subscription goes through here, so a poll
   * tick and a command cannot overwrite each other with stale copies.
   */
  update(
    id: string,
    change: (current: Subscription) => Subscription | undefined,
  ): Promise<Subscription | undefined>;
  delete(id: string): Promise<boolean>;
  /** Removes every subscription of the user; returns how many. */
  deleteByUser(userId: string): Promise<number>;
}

/**
 * One channel's posts of one poll tick, saved before sending so a crash can
 * neither lose nor repeat them: on start-up a pending entry is sent again from
 * `sent` on, unchanged, and Discord's nonce check answers a repeat with the
 * earlier message.
 */
export interface OutboxEntry {
  /** Unique key of the entry (the first message's nonce is fine). */
  id: string;
  channelId: string;
  messages: OutboxMessage[];
  /** How many of `messages` Discord already accepted. */
  sent: number;
  /** Subscription state to write once Discord accepted every message. */
  advances: SubscriptionAdvance[];
  /** ISO 8601. */
  createdAt: string;
}

export interface OutboxMessage {
  /** Discord `nonce`, at most 25 characters, sent with `enforce_nonce: true`. */
  nonce: string;
  /** The exact REST body to post (embeds, nonce, enforce_nonce, allowed_mentions). */
  body: Record<string, unknown>;
}

export interface SubscriptionAdvance {
  subscriptionId: string;
  /** The session the items belong to (an active-mode subscription may have moved on). */
  session: number;
  /** History state to write; both absent when only game-rule changes were posted. */
  watermark?: string;
  seenAtWatermark?: string[];
  /** Games feed state to write with it (only for subscriptions with `games`). */
  gamesWatermark?: string;
  gamesSeenIds?: number[];
  /** The states of the feeds kept in `Subscription.feeds`, by feed name. */
  feeds?: Record<string, { watermark: string; seen: string[] }>;
}

export interface OutboxStore {
  list(): Promise<OutboxEntry[]>;
  put(entry: OutboxEntry): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/**
 * Short-lived state for buttons and menus (paging cursors), expiring on its own. A record that
 * belongs to a member holds their id as a top-level `userId`, and never a token.
 */
export interface UiStateStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** The unexpired records whose `userId` is this member's (/privacy). */
  listByUser(userId: string): Promise<{ key: string; value: unknown }[]>;
  /** Deletes every record whose `userId` is this member's (/unlink); returns how many. */
  deleteByUser(userId: string): Promise<number>;
  /** Deletes expired records now; returns how many unexpired ones remain. */
  sweep(): Promise<number>;
}

/** Small bookkeeping values (the registered-commands hash, ...). */
export interface MetaStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

export interface Store {
  accounts: AccountStore;
  subscriptions: SubscriptionStore;
  outbox: OutboxStore;
  uiState: UiStateStore;
  meta: MetaStore;
  /** Languages: a server's chosen one for posts, each member's last seen one for DMs. */
  locales: LocaleStore;
  /** Role sync: server configurations, member consents and the roles the bot gave. */
  roles: RoleStore;
  /** Plays sent to the tracker (exactly once) and the link-game vote panels. */
  plays: PlayStore;
  /** Live status cards (`/card post`). */
  cards: CardStore;
  /** The opt-in server leaderboards (`/leaderboard`). */
  leaderboard: LeaderboardStore;
  /** The weekly digests (`/digest`): settings and the weeks posted. */
  digest: DigestStore;
  /**
   * Resolves when the backing database answers; rejects otherwise (health check), with
   * StoreBusyError at once, not after a wait, while another program holds its lock.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}
