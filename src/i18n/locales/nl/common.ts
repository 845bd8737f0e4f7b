export const common = {
  sessionNumber: "sessie {{session}}",
  activeSession: "actieve sessie",
  days_one: "{{count}} dag",
  days_other: "{{count}} dagen",
  sessionPositive: "De sessie moet een positief getal zijn.",
  invalidOption: "De optie `{{option}}` heeft een waarde die de bot niet kent.",
};
