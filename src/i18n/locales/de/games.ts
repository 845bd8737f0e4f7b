/** Game-rule changes: one line per change (posts and `/histories games:true`). */
import type { Catalog } from "../../index.js";

export const games = {
  dice: "Würfel",
  link: "Linkspiel",
  luck: "Glück",
  insert: "{{game}}-Regeln festgelegt",
  insertBy: "{{game}}-Regeln festgelegt von {{nick}}",
  update: "{{game}}-Regeln geändert",
  updateBy: "{{game}}-Regeln geändert von {{nick}}",
  delete: "{{game}}-Regeln entfernt",
  deleteBy: "{{game}}-Regeln entfernt von {{nick}}",
  noDetails: "keine Details",
  viewTitle: "{{nick}} · Session {{session}} · Spielregeln",
  empty: "In dieser Session wurden noch keine Spielregeln geändert.",
  emptyFiltered: "In diesem Zeitraum wurden keine Spielregeln geändert.",
  pastOldest: "Keine weiteren Regeländerungen: Das ist nach der ältesten Seite.",
  filtersNotForGames:
    "`type`, `source` und `dom` filtern Verlaufseinträge, keine Regeländerungen: Lass sie bei `games:true` weg (`from` und `to` funktionieren).",
  page: "Seite {{page}}",
} satisfies Partial<Record<keyof Catalog["games"], string>>;
