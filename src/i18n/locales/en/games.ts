/** Game-rule changes: one line per change (posts and `/histories games:true`). */
export const games = {
  dice: "Dice",
  link: "Link game",
  luck: "Luck",
  insert: "{{game}} rules set",
  insertBy: "{{game}} rules set by {{nick}}",
  update: "{{game}} rules changed",
  updateBy: "{{game}} rules changed by {{nick}}",
  delete: "{{game}} rules removed",
  deleteBy: "{{game}} rules removed by {{nick}}",
  noDetails: "no details",
  viewTitle: "{{nick}} · session {{session}} · game rules",
  empty: "No game-rule changes in this session yet.",
  emptyFiltered: "No game-rule changes in this range.",
  pastOldest: "No more game-rule changes: this is past the oldest page.",
  filtersNotForGames:
    "`type`, `source` and `dom` filter history items, not game-rule changes: leave them out with `games:true` (`from` and `to` work).",
  page: "Page {{page}}",
} as const;
