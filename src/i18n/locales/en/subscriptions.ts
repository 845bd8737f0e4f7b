/** How a subscription is described (src/subscriptions/describe.ts). */
export const subscriptions = {
  pauseTokenInvalid: "your tracker token stopped working: run `/link` again",
  pauseNotLinked: "you are not linked: run `/link`",
  pauseMissingPermissions: "the bot lacks permission to post there",
  pauseMissingAccess: "the bot cannot see that channel",
  pauseUnknownChannel: "that channel no longer exists",
  pauseThreadClosed: "the thread is archived or locked",
  paused: "paused",
  targetActive: "changes of whichever of your sessions is active will be posted in {{channel}}",
  targetSession: "changes of session {{session}} will be posted in {{channel}}",
  filterType: "type {{type}}",
  filterSource: "source {{source}}",
  domOnly: "dom only",
  notByDom: "not by dom",
  everything: "everything",
  listSeparator: ", ",
  alreadyHave: "You already have this subscription (`{{id}}`): {{where}}. Nothing changed.",
  memberLimit_one:
    "You already have {{count}} subscription, the most this server's bot allows per member ({{max}}). Remove one with `/unsubscribe` first.",
  memberLimit_other:
    "You already have {{count}} subscriptions, the most this server's bot allows per member ({{max}}). Remove one with `/unsubscribe` first.",
  guildLimit_one:
    "This server already has {{count}} subscription, the most its bot allows ({{max}}). Ask an admin to remove unused ones.",
  guildLimit_other:
    "This server already has {{count}} subscriptions, the most its bot allows ({{max}}). Ask an admin to remove unused ones.",
  resumedSubscription:
    "Resumed subscription `{{id}}`: {{where}}. Changes made while it was paused will be posted too.",
  subscribed: "Subscribed (`{{id}}`): {{where}}. Only changes from now on are posted.",
  alsoResumed: "Also resumed in that channel: {{ids}}.",
  noActiveSession: "You have no active session right now; posting starts when one begins.",
  howToStop: "Stop it any time with `/unsubscribe`; see all of yours with `/subscriptions`.",
  activeNone: "active session (none right now)",
  activeCurrent: "active session (#{{session}})",
  statusPaused: "⏸️ paused: {{reason}}",
  statusRetrying: "⏳ tracker not answering, retrying {{when}}",
  statusActive: "✅ active",
  lastPost: "last post {{when}}",
  nothingPosted: "nothing posted yet",
  byMember: "by {{member}}",
  noneInServer: "There are no subscriptions in this server. Members create them with `/subscribe`.",
  noneYours: "You have no subscriptions in this server. Create one with `/subscribe`.",
  titleServer: "Subscriptions in this server",
  titleYours: "Your subscriptions",
  footer_one: "{{count}} subscription · remove one with /unsubscribe",
  footer_other: "{{count}} subscriptions · remove one with /unsubscribe",
  notFound:
    "No subscription `{{id}}` of yours here. Pick one from the list while typing, or see `/subscriptions`.",
  removed: "Removed subscription `{{id}}`: no more posts in {{channel}} from it.",
  removedOthers:
    "Removed subscription `{{id}}` (made by {{member}}): no more posts in {{channel}} from it.",
  labelChannel: "channel {{id}}",
  labelMember: "member {{name}}",
  notPostable:
    "{{channel}} is not a text channel, announcement channel or thread, so nothing can be posted there.",
  memberCannotPost:
    "You cannot post in {{channel}} yourself (missing: {{missing}}), so you cannot subscribe it.",
  botCannotPost:
    "The bot cannot post in {{channel}}: it is missing {{missing}}. Ask a server admin to grant these to the bot's role in that channel.",
  permViewChannel: "View Channel",
  permSendMessages: "Send Messages",
  permSendMessagesInThreads: "Send Messages in Threads",
  permEmbedLinks: "Embed Links",
} as const;
