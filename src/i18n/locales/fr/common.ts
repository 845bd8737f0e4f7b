export const common = {
  sessionNumber: "session {{session}}",
  activeSession: "session active",
  days_one: "{{count}} jour",
  days_other: "{{count}} jours",
  days_many: "{{count}} jours",
};
