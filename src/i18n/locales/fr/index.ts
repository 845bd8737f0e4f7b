/** The fr catalogue: the same areas and keys as `en` (the catalogue test checks). */
import type { PartialCatalog } from "../../index.js";
import { common } from "./common.js";
import { dm } from "./dm.js";
import { games } from "./games.js";

export const fr = {
  common,
  dm,
  games,
} satisfies PartialCatalog;
