/** The fr catalogue: the same areas and keys as `en` (the catalogue test checks). */
import type { PartialCatalog } from "../../index.js";
import { autocomplete } from "./autocomplete.js";
import { card } from "./card.js";
import { chart } from "./chart.js";
import { digest } from "./digest.js";
import { commands } from "./commands.js";
import { common } from "./common.js";
import { delivery } from "./delivery.js";
import { dm } from "./dm.js";
import { duration } from "./duration.js";
import { errors } from "./errors.js";
import { games } from "./games.js";
import { histories } from "./histories.js";
import { items } from "./items.js";
import { language } from "./language.js";
import { leaderboard } from "./leaderboard.js";
import { link } from "./link.js";
import { notices } from "./notices.js";
import { privacy } from "./privacy.js";
import { play } from "./play.js";
import { roles } from "./roles.js";
import { schedule } from "./schedule.js";
import { scheduler } from "./scheduler.js";
import { stats } from "./stats.js";
import { storeFaults } from "./storeFaults.js";
import { subscriptions } from "./subscriptions.js";
import { time } from "./time.js";

export const fr = {
  common,
  autocomplete,
  card,
  chart,
  digest,
  commands,
  delivery,
  dm,
  duration,
  errors,
  games,
  histories,
  items,
  language,
  leaderboard,
  link,
  notices,
  privacy,
  play,
  roles,
  scheduler,
  schedule,
  stats,
  storeFaults,
  subscriptions,
  time,
} satisfies PartialCatalog;
