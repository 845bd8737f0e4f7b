/** `/privacy`: everything the bot holds about the member, in plain words. */
export const privacy = {
  title: "**What this bot stores about you**",
  accountHeading: "**Account**",
  account:
    "Linked to Chastity Tracker as **{{nick}}** since {{when}}. Your API token is stored encrypted (key id `{{keyId}}`) and is never shown.",
  accountNone: "No linked account.",
  languageHeading: "**Language**",
  language: "DMs from the bot are written in {{language}}, the language of your last command.",
  languageNone: "None stored.",
  subscriptionsHeading: "**Subscriptions ({{count}})**",
  whereDm: "your DMs with the bot",
  whereChannel: "{{channel}} in server {{server}}",
  sessionActive: "your active session",
  roleSyncHeading: "**Role sync consents**",
  roleConsent_one: "Server {{server}}: you agreed on {{when}}; {{count}} role given by the bot.",
  roleConsent_other: "Server {{server}}: you agreed on {{when}}; {{count}} roles given by the bot.",
  pendingHeading: "**Posts waiting to be sent**",
  pending_one: "{{count}} message for {{channel}} (subscriptions {{ids}})",
  pending_other: "{{count}} messages for {{channel}} (subscriptions {{ids}})",
  pagingHeading: "**Page buttons**",
  paging_one:
    "{{count}} `/histories` answer keeps your nick and filters for its Older/Newer buttons; it is deleted within 15 minutes.",
  paging_other:
    "{{count}} `/histories` answers keep your nick and filters for their Older/Newer buttons; they are deleted within 15 minutes.",
  settingsHeading: "**Server settings you made**",
  settingRoles: "Role sync in server {{server}}, set {{when}}",
  settingLanguage: "Post language in server {{server}}, set {{when}}",
  settingsKept:
    "These belong to the server and name you as the admin who made them; `/unlink` keeps them, another admin can change them.",
  panelsHeading: "**Vote panels you opened**",
  panelOpen:
    "Open in {{channel}} for session {{session}}, since {{when}}. Its public link token is stored encrypted and never shown.",
  panelClosed:
    "Closed, was in {{channel}} for session {{session}}, opened {{when}}; deleted 48 hours after it opened.",
  playsHeading: "**Plays and votes**",
  plays_one:
    "{{count}} play or vote you made through the bot (game, session, outcome, when); kept 48 hours.",
  plays_other:
    "{{count}} plays or votes you made through the bot (game, session, outcome, when); kept 48 hours.",
  none: "None.",
  eraseHeading: "**Erase it**",
  erase: "`/unlink` deletes all of the above (except server settings) at once.",
  revoke:
    "To revoke the token itself, open your profile on chastitytracker.org, find API tokens and delete the one you gave the bot.",
  jsonHint: "Run `/privacy json:true` to get all of this as a file.",
  jsonAttached: "The same is attached as a JSON file.",
} as const;
