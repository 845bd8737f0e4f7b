/** The nl catalogue: the same areas and keys as `en` (the catalogue test checks). */
import type { PartialCatalog } from "../../index.js";
import { common } from "./common.js";
import { scheduler } from "./scheduler.js";

export const nl = {
  common,
  scheduler,
} satisfies PartialCatalog;
