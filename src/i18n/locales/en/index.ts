/** The English catalogue: the source every other language is checked against. One import per area. */
import { common } from "./common.js";
import { dm } from "./dm.js";
import { games } from "./games.js";

export const en = {
  common,
  dm,
  games,
};
