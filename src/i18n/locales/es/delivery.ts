export const delivery = {
  title: "Sesión {{session}}",
  titleWithNick: "{{nick}} · sesión {{session}}",
  continued: "(continuación)",
};
