export const autocomplete = {
  session: "Sessie {{session}}",
  active: "🔒 actief",
  ended: "beëindigd",
  endedOn: "beëindigd {{date}}",
  started: "gestart {{date}}",
  lockedBy: "vergrendeld door {{name}}",
};
