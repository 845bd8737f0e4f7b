/** Subscriptions into a member's DM with the bot (`/subscribe to:dm`). */
export const dm = {
  pausedDmClosed:
    "your DMs are closed to the bot: allow direct messages from a server you share with it, then run `/subscribe to:dm` again (nothing is lost)",
  targetSession: "changes of session {{session}} will be sent to you in a DM",
  targetActive: "changes of whichever of your sessions is active will be sent to you in a DM",
  channelWithDm:
    "`channel` and `to:dm` do not go together: leave out `channel` to get the posts in your DM, or use `to:channel`.",
  dmNeedsDmTarget:
    "Here in the DM with the bot, subscriptions post into this DM: run `/subscribe to:dm` (or `/subscribe` in a server channel).",
  dmLabel: "DM",
  withGames: "with game-rule changes",
  dmEmpty: "You have no DM subscriptions. Create one with `/subscribe to:dm`.",
  dmTitle: "Your DM subscriptions",
  removedDm: "Removed subscription `{{id}}`: no more DMs from it.",
  subscriptionsLiveInServers:
    "Subscriptions live in servers: run `/subscribe` in a server channel.",
  cannotSeeChannel: "I cannot see that channel. Ask a server admin to give the bot access to it.",
} as const;
