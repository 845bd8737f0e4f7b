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
} as const;
