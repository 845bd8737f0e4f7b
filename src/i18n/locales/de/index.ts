/** The de catalogue: the same areas and keys as `en` (the catalogue test checks). */
import type { PartialCatalog } from "../../index.js";
import { common } from "./common.js";
import { roles } from "./roles.js";

export const de = {
  common,
  roles,
} satisfies PartialCatalog;
