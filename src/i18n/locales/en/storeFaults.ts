/** When the bot's database cannot write (src/discord/userMessages.ts): said to the member who asked. */
export const storeFaults = {
  cannotSave:
    "The bot cannot save right now: {{reason}}. Nothing was changed; please try again later.",
  reasonFull: "its disk is full",
  reasonReadonly: "its data folder is read-only",
  reasonCantopen: "its data folder cannot be written",
  reasonIoerr: "its disk reports errors",
  reasonLocked: "another program is holding its database",
  reasonOther: "its database refuses changes",
} as const;
