export const common = {
  sessionNumber: "Session {{session}}",
  activeSession: "aktive Session",
  days_one: "{{count}} Tag",
  days_other: "{{count}} Tage",
};
