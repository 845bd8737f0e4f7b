export const items = {
  sourceDICE: "Dados",
  sourceLINK: "Juego de enlace",
  sourceLUCK: "Suerte",
  sourceMANUAL: "Manual",
  sourcePENALTY: "Penalización",
  sourceDOM: "Dom",
  typeSTART: "inicio",
  typeADD: "añadido",
  typeSUB: "quitado",
  sessionStarted: "Sesión iniciada",
  byDom: "por dom",
  release: "liberación {{time}}",
};
