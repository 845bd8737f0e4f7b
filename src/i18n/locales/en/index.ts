/** The English catalogue: the source every other language is checked against. One import per area. */
import { common } from "./common.js";
import { roles } from "./roles.js";

export const en = {
  common,
  roles,
};
