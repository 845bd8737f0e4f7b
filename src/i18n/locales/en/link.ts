/** `/link`: the modal and its answers. */
export const link = {
  modalTitle: "Link Chastity Tracker",
  tokenLabel: "Your API token",
  tokenPlaceholder: "Paste the token from your tracker profile",
  whereToCreate:
    "Create one on chastitytracker.org: open your profile, find the API tokens section, create a token and copy it (it is shown only once).",
  tooShort: "That is too short to be an API token.",
  tooLong: "That is too long to be an API token.",
  hasSpaces: "An API token has no spaces in it.",
  invalid: "Invalid token.",
  refused: "Chastity Tracker did not accept that token. {{whereToCreate}} Then run `/link` again.",
  linked: "Linked as **{{nick}}**.",
  replaced: "Your earlier token was replaced.",
  resumed_one: "{{count}} paused subscription resumed.",
  resumed_other: "{{count}} paused subscriptions resumed.",
  next: "Try `/histories` to browse a session, or `/subscribe` to have changes posted in a channel.",
  unlinkNothing: "Nothing to remove: you had no linked token and no subscriptions.",
  unlinkToken: "your encrypted tracker token and nick",
  unlinkSubscriptions_one: "{{count}} subscription (no more posts from it)",
  unlinkSubscriptions_other: "{{count}} subscriptions (no more posts from them)",
  unlinkSessions: "your cached session list",
  unlinkRemoved:
    "Removed {{what}}. Nothing of yours is left in the bot's database. You can also revoke the token on your tracker profile.",
  unlinkRemovedKept:
    "Removed {{what}}. Only the server settings below still name you (as the admin who made them). You can also revoke the token on your tracker profile.",
} as const;
