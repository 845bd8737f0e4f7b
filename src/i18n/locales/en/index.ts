/** The English catalogue: the source every other language is checked against. One import per area. */
import { common } from "./common.js";
import { scheduler } from "./scheduler.js";

export const en = {
  common,
  scheduler,
};
