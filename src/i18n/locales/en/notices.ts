/** DMs the bot sends on its own when it had to pause a member's subscriptions. */
export const notices = {
  theChannel: "the channel",
  tokenInvalid:
    "Your Chastity Tracker API token no longer works (it was probably revoked or regenerated), so I paused your subscriptions. Create a new token on your tracker profile page and run `/link` with it: your subscriptions resume and nothing that happened meanwhile is lost.",
  notLinked:
    "Your Chastity Tracker account is no longer linked, so I paused your subscriptions. Run `/link` with an API token from your tracker profile page to resume them.",
  missingPermissions:
    "I can no longer post your Chastity Tracker updates in {{channel}}: I am missing permissions there. Give me View Channel, Send Messages and Embed Links in that channel, then run `/subscribe` there again to resume; nothing is lost.",
  missingAccess:
    "I can no longer see {{channel}}, so I paused your Chastity Tracker updates for it. Give me access to that channel (View Channel), then run `/subscribe` there again to resume; nothing is lost.",
  threadClosed:
    "The thread {{channel}} is archived or locked, so I paused your Chastity Tracker updates for it. Once a moderator reopens it, run `/subscribe` there again to resume; nothing is lost.",
  unknownChannel:
    "The channel {{channel}} no longer exists, so I paused your Chastity Tracker updates for it. Run `/subscribe` in another channel to keep receiving them.",
} as const;
