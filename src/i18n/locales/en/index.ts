/** The English catalogue: the source every other language is checked against. One import per area. */
import { common } from "./common.js";

export const en = {
  common,
};
