/** Game-rule changes: one line per change (posts and `/histories games:true`). */
import type { Catalog } from "../../index.js";

export const games = {
  dice: "Dados",
  link: "Juego de enlace",
  luck: "Suerte",
  insert: "Reglas de {{game}} establecidas",
  insertBy: "Reglas de {{game}} establecidas por {{nick}}",
  update: "Reglas de {{game}} cambiadas",
  updateBy: "Reglas de {{game}} cambiadas por {{nick}}",
  delete: "Reglas de {{game}} eliminadas",
  deleteBy: "Reglas de {{game}} eliminadas por {{nick}}",
  noDetails: "sin detalles",
  viewTitle: "{{nick}} · sesión {{session}} · reglas de juego",
  empty: "Todavía no hay cambios de reglas de juego en esta sesión.",
  emptyFiltered: "No hay cambios de reglas de juego en este intervalo.",
  pastOldest: "No hay más cambios de reglas: esto va más allá de la página más antigua.",
  filtersNotForGames:
    "`type`, `source` y `dom` filtran el historial, no los cambios de reglas: quítalos con `games:true` (`from` y `to` sí funcionan).",
  page: "Página {{page}}",
} satisfies Partial<Record<keyof Catalog["games"], string>>;
