export const items = {
  sourceDICE: "Dobbelstenen",
  sourceLINK: "Linkspel",
  sourceLUCK: "Geluk",
  sourceMANUAL: "Handmatig",
  sourcePENALTY: "Straf",
  sourceDOM: "Dom",
  typeSTART: "begin",
  typeADD: "toegevoegd",
  typeSUB: "afgehaald",
  sessionStarted: "Sessie gestart",
  byDom: "door dom",
  release: "vrijgave {{time}}",
};
