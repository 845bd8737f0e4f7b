/** One history item as a line: sources, change kinds, markers. */
export const items = {
  sourceDICE: "Dice",
  sourceLINK: "Link game",
  sourceLUCK: "Luck",
  sourceMANUAL: "Manual",
  sourcePENALTY: "Penalty",
  sourceDOM: "Dom",
  typeSTART: "start",
  typeADD: "added",
  typeSUB: "removed",
  sessionStarted: "Session started",
  byDom: "by dom",
  release: "release {{time}}",
} as const;
