/** What a member reads when something goes wrong (src/discord/userMessages.ts and friends). */
export const errors = {
  relink:
    "Chastity Tracker no longer accepts your API token (it was revoked or regenerated). Create a new token on your tracker profile and run `/link` again.",
  trackerDown: "Chastity Tracker is not answering right now. Please try again in a few minutes.",
  trackerRefused: "Chastity Tracker refused the request: {{reason}}",
  trackerForbidden:
    "Chastity Tracker did not let you see that. Check the session number: only your own sessions can be read.",
  trackerRateLimit: "Chastity Tracker asks us to slow down. Please try again in a minute.",
  missingPermission:
    "The bot is missing a permission for this. Ask a server admin to check its role and the channel's permissions.",
  unexpected:
    "Something went wrong on our side. If it keeps happening, give the server admin this error id: `{{errorId}}`.",
  notLinked:
    "You have not linked your Chastity Tracker account yet. Run `/link` and paste an API token from your tracker profile.",
  unknownInteraction: "This button or command is no longer known to the bot.",
  needsManageServer: "Only members with the Manage Server permission can do this.",
  serverOnly: "This command works in a server only.",
} as const;
