/** Words shared by several areas. */
export const common = {
  sessionNumber: "session {{session}}",
  activeSession: "active session",
  days_one: "{{count}} day",
  days_other: "{{count}} days",
} as const;
