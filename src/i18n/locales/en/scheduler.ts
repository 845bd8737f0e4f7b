/** The poller's scheduler: how often a subscription is really checked when the tracker budget is tight. */
export const scheduler = {
  checkedEvery_one:
    "checked about every {{minutes}} min: the tracker budget is shared by {{count}} session",
  checkedEvery_other:
    "checked about every {{minutes}} min: the tracker budget is shared by {{count}} sessions",
  checkedEverySeconds_one:
    "checked about every {{seconds}} s: the tracker budget is shared by {{count}} session",
  checkedEverySeconds_other:
    "checked about every {{seconds}} s: the tracker budget is shared by {{count}} sessions",
} as const;
