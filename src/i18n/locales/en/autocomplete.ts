/** Autocomplete labels (a choice name: at most 100 characters). */
export const autocomplete = {
  session: "Session {{session}}",
  active: "🔒 active",
  ended: "ended",
  endedOn: "ended {{date}}",
  started: "started {{date}}",
  lockedBy: "locked by {{name}}",
} as const;
