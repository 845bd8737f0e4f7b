export const delivery = {
  title: "Session {{session}}",
  titleWithNick: "{{nick}} · Session {{session}}",
  continued: "(Fortsetzung)",
};
