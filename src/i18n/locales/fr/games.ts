/** Game-rule changes: one line per change (posts and `/histories games:true`). */
import type { Catalog } from "../../index.js";

export const games = {
  dice: "Dés",
  link: "Jeu de lien",
  luck: "Chance",
  insert: "Règles {{game}} définies",
  insertBy: "Règles {{game}} définies par {{nick}}",
  update: "Règles {{game}} modifiées",
  updateBy: "Règles {{game}} modifiées par {{nick}}",
  delete: "Règles {{game}} supprimées",
  deleteBy: "Règles {{game}} supprimées par {{nick}}",
  noDetails: "aucun détail",
  viewTitle: "{{nick}} · session {{session}} · règles des jeux",
  empty: "Aucune modification des règles de jeu dans cette session pour l’instant.",
  emptyFiltered: "Aucune modification des règles de jeu dans cette période.",
  pastOldest: "Plus de modifications de règles : c’est au-delà de la page la plus ancienne.",
  filtersNotForGames:
    "`type`, `source` et `dom` filtrent l’historique, pas les modifications de règles : retire-les avec `games:true` (`from` et `to` fonctionnent).",
  page: "Page {{page}}",
} satisfies Partial<Record<keyof Catalog["games"], string>>;
