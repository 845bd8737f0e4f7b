export const common = {
  sessionNumber: "sessie {{session}}",
  activeSession: "actieve sessie",
  days_one: "{{count}} dag",
  days_other: "{{count}} dagen",
};
