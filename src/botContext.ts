import type { Client } from "discord.js";
import type { LiveCards } from "./cards/live.js";
import type { Clock } from "./util/clock.js";
import type { Config } from "./config.js";
import type { Command } from "./discord/command.js";
import type { SessionCache } from "./discord/sessionCache.js";
import type { PostLocale } from "./i18n/postLocale.js";
import type { Leaderboard } from "./leaderboard/board.js";
import type { Logger } from "./log.js";
import type { VotePanels } from "./play/panels.js";
import type { CheckInterval } from "./poller/schedule/status.js";
import type { RoleSync } from "./roles/sync.js";
import type { Store, Subscription } from "./store/types.js";
import type { TrackerPlayer } from "./tracker/play.js";
import type { TrackerClient } from "./tracker/types.js";

/**
 * What every command handler may use, made of the interfaces the features export. It lives
 * beside the composition root, not in src/discord: the router only knows its own slice of it
 * (`RouterContext`), so the Discord layer knows no feature. Built once, complete, in bot.ts.
 */
export interface BotContext {
  config: Config;
  logger: Logger;
  store: Store;
  tracker: TrackerClient & TrackerPlayer;
  client: Client;
  /** The wall clock's date: for what is shown, stored or sent to the tracker. */
  wall: () => Date;
  /** Monotonic time (`clock.now()`) for durations and expiries: a wall-clock step moves none. */
  clock: Clock;
  /** Per-user cache of the session list for autocomplete (about a minute). */
  sessionCache: SessionCache;
  /** The language of channel posts (guildId) and of DMs the bot sends on its own (null). */
  postLocale: PostLocale;
  /** When the poller is backing off a subscription's source: until then. */
  backoffUntil: (subscription: Subscription) => Date | undefined;
  /** Role sync (`/roles`, `/rolesync`, `/unlink`). */
  roleSync: RoleSync;
  /** How often the poller actually checks this subscription, when the budget stretches it. */
  checkInterval: (subscription: Subscription) => CheckInterval | undefined;
  /** Link-game vote panels (`/votes`, their buttons, `/unlink`). */
  votePanels: VotePanels;
  /** Live status cards (`/card`, `/unlink`). */
  liveCards: LiveCards;
  /** The opt-in server leaderboards (`/leaderboard`). */
  leaderboard: Leaderboard;
}

/** A slash command of this bot: the router's `Command` over the whole context. */
export type BotCommand = Command<BotContext>;
