/** Game-rule changes: one line per change (posts and `/histories games:true`). */
import type { Catalog } from "../../index.js";

export const games = {
  dice: "Dobbelsteen",
  link: "Linkspel",
  luck: "Geluk",
  insert: "{{game}}-regels ingesteld",
  insertBy: "{{game}}-regels ingesteld door {{nick}}",
  update: "{{game}}-regels gewijzigd",
  updateBy: "{{game}}-regels gewijzigd door {{nick}}",
  delete: "{{game}}-regels verwijderd",
  deleteBy: "{{game}}-regels verwijderd door {{nick}}",
  noDetails: "geen details",
  viewTitle: "{{nick}} · sessie {{session}} · spelregels",
  empty: "Nog geen wijzigingen van spelregels in deze sessie.",
  emptyFiltered: "Geen wijzigingen van spelregels in deze periode.",
  pastOldest: "Geen wijzigingen meer: dit ligt voorbij de oudste pagina.",
  filtersNotForGames:
    "`type`, `source` en `dom` filteren geschiedenis, geen regelwijzigingen: laat ze weg bij `games:true` (`from` en `to` werken wel).",
  page: "Pagina {{page}}",
} satisfies Partial<Record<keyof Catalog["games"], string>>;
