/** The schedule by change rate (issue 17): what /subscriptions adds when even 15x does not fit (with the raised bound in force). */
export const schedule = {
  overloaded:
    "more sessions than the budget can read every 15 intervals: each is still read at least every {{minutes}} min, the busiest more often",
  overloadedSeconds:
    "more sessions than the budget can read every 15 intervals: each is still read at least every {{seconds}} s, the busiest more often",
} as const;
