/** `/play`, `/dom`, `/votes` and the vote panels. */
export const play = {
  gameDice: "Dice",
  gameLuck: "Luck",
  gameLink: "Link game",
  added: "{{game}}: **{{amount}}** added.",
  removed: "{{game}}: **{{amount}}** removed.",
  multiplier: "Multiplier: ×{{value}}.",
  release: "New release: {{at}} ({{relative}}).",
  noRelease: "The tracker sent no new release time.",
  unknown:
    "Chastity Tracker did not answer in time, so whether this counted is unknown. It was not sent again: the session's history (and any subscription post) will show it.",
  notSent: "Chastity Tracker could not be reached, so nothing was sent. Try again in a moment.",
  repeat:
    "This was already handled, so nothing was sent again. The session's history shows the result.",
  refused: "Chastity Tracker refused: {{reason}}",
  refusedNoReason: "Chastity Tracker refused this.",
  rateLimited: "Chastity Tracker is busy, so nothing changed. Try again in a minute.",
  relink: "Chastity Tracker no longer accepts your token. Run `/link` with a new one.",
  noActiveSession:
    "You have no active session. Start one on the tracker, or give `session:` with its number.",
  typeRequired: "The link game needs `type:` (add, sub or rand).",
  typeOnlyForLink: "`type:` is only for the link game; leave it out for dice and luck.",

  panelTitle: "Vote on {{nick}}'s lock",
  panelSession: "Session #{{session}}",
  panelRelease: "Release {{relative}}.",
  panelNoRelease: "No release time set.",
  panelHow:
    "Press a button to add, remove or leave it to chance. One vote per member every {{cooldown}}.",
  panelTally_one: "Last 24 h: {{count}} vote, net {{net}}.",
  panelTally_other: "Last 24 h: {{count}} votes, net {{net}}.",
  buttonAdd: "➕ Add time",
  buttonSub: "➖ Remove time",
  buttonRand: "🎲 Random",
  buttonClose: "Close",
  closedOwner: "This vote panel is closed.",
  closedEnded: "This vote panel closed itself: the session ended.",
  closedToken: "This vote panel closed itself: the tracker no longer accepts its link-game token.",
  closedDisabled: "This vote panel is closed: vote panels are turned off in this server.",
  closedUnlinked: "This vote panel is closed: its owner unlinked their account.",

  opened: "Vote panel posted in {{channel}}. Close it with `/votes close` or its Close button.",
  alreadyOpen: "You already have an open vote panel in {{channel}}.",
  noLinkGame:
    "No link-game link could be read from your tracker stats. If you have not enabled the link game yet, enable it in your tracker's game settings first. If it is enabled, press the button and paste your link-game link.",
  pasteButton: "Paste my link-game link",
  pasteTitle: "Your link-game link",
  pasteLabel: "Link-game link (or its token)",
  pasteInvalid:
    "That does not look like a link-game link. Copy the whole link of your link game from the tracker and paste it.",
  disabledHere:
    "Vote panels are turned off in this server. An admin can turn them on with `/votes server enabled:true`.",
  closed_one: "{{count}} vote panel closed.",
  closed_other: "{{count}} vote panels closed.",
  noneOpen: "You have no open vote panel in this server.",
  serverOn: "Vote panels are now on in this server.",
  serverOff_one: "Vote panels are now off in this server; {{count}} open panel was closed.",
  serverOff_other: "Vote panels are now off in this server; {{count}} open panels were closed.",
  needsManageServer: "Turning vote panels on or off needs the Manage Server permission.",
  serverOnly: "Vote panels live in a server channel: run this in the server.",

  ownPanel:
    "This is your own panel: you cannot vote on your own lock (the tracker would count it as a penalty). Nothing was sent.",
  panelGone: "This vote panel is closed.",
  onlyOwnerCloses: "Only the member who opened this panel can close it.",
  cooldown: "You already voted on this panel. You can vote again {{at}}.",
  unlinkPanels_one: "{{count}} vote panel closed and its link-game token forgotten.",
  unlinkPanels_other: "{{count}} vote panels closed and their link-game tokens forgotten.",
} as const;
