/** The English catalogue: the source every other language is checked against. One import per area. */
import { chart } from "./chart.js";
import { common } from "./common.js";
import { stats } from "./stats.js";

export const en = {
  common,
  chart,
  stats,
};
