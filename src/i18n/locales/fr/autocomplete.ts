export const autocomplete = {
  session: "Session {{session}}",
  active: "🔒 active",
  ended: "terminée",
  endedOn: "terminée le {{date}}",
  started: "commencée le {{date}}",
  lockedBy: "verrouillée par {{name}}",
};
