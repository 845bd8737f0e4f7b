/** The schedule by change rate (issue 17): what /subscriptions adds when even 15x does not fit. */
export const schedule = {
  overloaded:
    "more sessions than the budget can read every 15 intervals: the busiest are read most often",
} as const;
