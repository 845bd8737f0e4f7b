/** Channel and DM posts of new history items. */
export const delivery = {
  title: "Session {{session}}",
  titleWithNick: "{{nick}} · session {{session}}",
  continued: "(continued)",
} as const;
