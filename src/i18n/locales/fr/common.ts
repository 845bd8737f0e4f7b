export const common = {
  sessionNumber: "session {{session}}",
  activeSession: "session active",
  days_one: "{{count}} jour",
  days_other: "{{count}} jours",
  days_many: "{{count}} jours",
  sessionPositive: "La session doit être un nombre positif.",
  invalidOption: "L'option `{{option}}` a une valeur que le bot ne connaît pas.",
};
