/** The es catalogue: the same areas and keys as `en` (the catalogue test checks). */
import type { PartialCatalog } from "../../index.js";
import { autocomplete } from "./autocomplete.js";
import { commands } from "./commands.js";
import { common } from "./common.js";
import { delivery } from "./delivery.js";
import { duration } from "./duration.js";
import { errors } from "./errors.js";
import { histories } from "./histories.js";
import { items } from "./items.js";
import { language } from "./language.js";
import { link } from "./link.js";
import { notices } from "./notices.js";
import { subscriptions } from "./subscriptions.js";
import { time } from "./time.js";

export const es = {
  common,
  commands,
  duration,
  errors,
  link,
  autocomplete,
  histories,
  items,
  delivery,
  subscriptions,
  notices,
  language,
  time,
} satisfies PartialCatalog;
