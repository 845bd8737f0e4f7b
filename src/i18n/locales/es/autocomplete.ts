export const autocomplete = {
  session: "Sesión {{session}}",
  active: "🔒 activa",
  ended: "terminada",
  endedOn: "terminada {{date}}",
  started: "iniciada {{date}}",
  lockedBy: "bloqueada por {{name}}",
};
