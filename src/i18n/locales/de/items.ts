export const items = {
  sourceDICE: "Würfel",
  sourceLINK: "Link-Spiel",
  sourceLUCK: "Glück",
  sourceMANUAL: "Manuell",
  sourcePENALTY: "Strafe",
  sourceDOM: "Dom",
  typeSTART: "Beginn",
  typeADD: "hinzugefügt",
  typeSUB: "abgezogen",
  sessionStarted: "Session begonnen",
  byDom: "von Dom",
  release: "Freigabe {{time}}",
};
