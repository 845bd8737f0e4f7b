/** Scheduler texts (see en/scheduler.ts). */
export const scheduler = {
  checkedEvery_one:
    "etwa alle {{minutes}} Min. geprüft: das Anfragebudget beim Tracker teilen sich {{count}} Session",
  checkedEvery_other:
    "etwa alle {{minutes}} Min. geprüft: das Anfragebudget beim Tracker teilen sich {{count}} Sessions",
  checkedEverySeconds_one:
    "etwa alle {{seconds}} s geprüft: das Anfragebudget beim Tracker teilen sich {{count}} Session",
  checkedEverySeconds_other:
    "etwa alle {{seconds}} s geprüft: das Anfragebudget beim Tracker teilen sich {{count}} Sessions",
};
