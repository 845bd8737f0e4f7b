export const items = {
  sourceDICE: "Dés",
  sourceLINK: "Jeu de lien",
  sourceLUCK: "Chance",
  sourceMANUAL: "Manuel",
  sourcePENALTY: "Pénalité",
  sourceDOM: "Dom",
  typeSTART: "début",
  typeADD: "ajouté",
  typeSUB: "retiré",
  sessionStarted: "Session commencée",
  byDom: "par dom",
  release: "libération {{time}}",
};
