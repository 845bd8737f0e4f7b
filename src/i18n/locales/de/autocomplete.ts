export const autocomplete = {
  session: "Session {{session}}",
  active: "🔒 aktiv",
  ended: "beendet",
  endedOn: "beendet {{date}}",
  started: "begonnen {{date}}",
  lockedBy: "verschlossen von {{name}}",
};
