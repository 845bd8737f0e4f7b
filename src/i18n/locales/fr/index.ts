/** The fr catalogue: the same areas and keys as `en` (the catalogue test checks). */
import type { PartialCatalog } from "../../index.js";
import { chart } from "./chart.js";
import { common } from "./common.js";
import { stats } from "./stats.js";

export const fr = {
  common,
  chart,
  stats,
} satisfies PartialCatalog;
