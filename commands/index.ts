import type { BotCommand } from "../src/botContext.js";
import card from "./card.js";
import chart from "./chart.js";
import digest from "./digest.js";
import histories from "./histories.js";
import language from "./language.js";
import leaderboard from "./leaderboard.js";
import link from "./link.js";
import privacy from "./privacy.js";
import stats from "./stats.js";
import roles from "./roles.js";
import rolesync from "./rolesync.js";
import subscribe from "./subscribe.js";
import subscriptions from "./subscriptions.js";
import unlink from "./unlink.js";
import unsubscribe from "./unsubscribe.js";
import dom from "./dom.js";
import play from "./play.js";
import votes from "./votes.js";

/** The explicit list of commands: what is registered with Discord and routed. */
export const commands: readonly BotCommand[] = [
  link,
  unlink,
  histories,
  subscribe,
  unsubscribe,
  subscriptions,
  chart,
  stats,
  language,
  roles,
  rolesync,
  privacy,
  play,
  votes,
  dom,
  card,
  leaderboard,
  digest,
];

export const commandDefinitions = commands.map((c) => c.data);
