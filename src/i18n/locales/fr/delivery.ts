export const delivery = {
  title: "Session {{session}}",
  titleWithNick: "{{nick}} · session {{session}}",
  continued: "(suite)",
};
