export const delivery = {
  title: "Sessie {{session}}",
  titleWithNick: "{{nick}} · sessie {{session}}",
  continued: "(vervolg)",
};
