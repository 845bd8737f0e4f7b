/** Words shared by several areas. */
export const common = {
  sessionNumber: "session {{session}}",
  activeSession: "active session",
  days_one: "{{count}} day",
  days_other: "{{count}} days",
  sessionPositive: "The session must be a positive number.",
  invalidOption: "The option `{{option}}` has a value the bot does not know.",
} as const;
