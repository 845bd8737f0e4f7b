import type { Client } from "discord.js";
import { type Clock, systemClock } from "../clock.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { RoleSync } from "../roles/sync.js";
import type { Store, Subscription } from "../store/types.js";
import type { CheckInterval } from "../poller/schedule/status.js";
import type { LiveCards } from "../cards/live.js";
import type { Leaderboard } from "../leaderboard/board.js";
import type { VotePanels } from "../play/panels.js";
import type { TrackerPlayer } from "../tracker/play.js";
import type { TrackerClient } from "../tracker/types.js";
import { createForgetter } from "../util/forget.js";
import type { PostLocale } from "../i18n/postLocale.js";

/** What every command handler may use; wired once in main.ts. */
export interface BotContext {
  config: Config;
  logger: Logger;
  store: Store;
  tracker: TrackerClient & TrackerPlayer;
  client: Client;
  /** The wall clock's date: for what is shown, stored or sent to the tracker. */
  now: () => Date;
  /** Monotonic time (`clock.now()`) for durations and expiries: a wall-clock step moves none. */
  clock: Clock;
  /** Per-user cache of the session list for autocomplete (about a minute). */
  sessionCache: SessionCache;
  /** The language of channel posts (guildId) and of DMs the bot sends on its own (null). */
  postLocale: PostLocale;
  /** When the poller is backing off a subscription's source: until then. */
  backoffUntil?: (subscription: Subscription) => Date | undefined;
  /** Role sync (`/roles`, `/rolesync`, `/unlink`); wired in bot.ts. */
  roleSync?: RoleSync;
  /** How often the poller actually checks this subscription, when the budget stretches it. */
  checkInterval?: (subscription: Subscription) => CheckInterval | undefined;
  /** Link-game vote panels (`/votes`, their buttons, `/unlink`); wired in bot.ts. */
  votePanels?: VotePanels;
  /** Live status cards (`/card`, `/unlink`); wired in bot.ts. */
  liveCards?: LiveCards;
  /** The opt-in server leaderboards (`/leaderboard`); wired in bot.ts. */
  leaderboard?: Leaderboard;
}

export interface SessionCache {
  get<T>(userId: string, load: () => Promise<T>): Promise<T>;
  clear(userId: string): void;
  /** Members with an entry kept: for tests. */
  size(): number;
}

/**
 * A tiny TTL cache; in memory because it only saves tracker calls while typing. Expiry is
 * monotonic (`now`): a wall-clock step back must not keep a stale list for an hour.
 */
export function createSessionCache(
  ttlMs: number,
  now: () => number = systemClock.now,
): SessionCache {
  const entries = new Map<string, { value: unknown; expires: number }>();
  // Expired entries of members who never come back are dropped, not kept for the bot's life.
  const forget = createForgetter(entries, (hit, nowMs) => hit.expires <= nowMs, ttlMs);
  return {
    async get<T>(userId: string, load: () => Promise<T>): Promise<T> {
      forget(now());
      const hit = entries.get(userId);
      if (hit && hit.expires > now()) return hit.value as T;
      const value = await load();
      entries.set(userId, { value, expires: now() + ttlMs });
      return value;
    },
    clear(userId) {
      entries.delete(userId);
    },
    size: () => entries.size,
  };
}
