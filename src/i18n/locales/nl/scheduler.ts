/** Scheduler texts (see en/scheduler.ts). */
export const scheduler = {
  checkedEvery_one:
    "ongeveer elke {{minutes}} min gecontroleerd: het verzoekbudget bij de tracker wordt gedeeld door {{count}} sessie",
  checkedEvery_other:
    "ongeveer elke {{minutes}} min gecontroleerd: het verzoekbudget bij de tracker wordt gedeeld door {{count}} sessies",
  checkedEverySeconds_one:
    "ongeveer elke {{seconds}} s gecontroleerd: het verzoekbudget bij de tracker wordt gedeeld door {{count}} sessie",
  checkedEverySeconds_other:
    "ongeveer elke {{seconds}} s gecontroleerd: het verzoekbudget bij de tracker wordt gedeeld door {{count}} sessies",
};
