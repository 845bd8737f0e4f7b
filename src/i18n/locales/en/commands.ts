/**
 * Slash-command registration texts, found by convention (src/discord/localizeCommand.ts):
 * `<command>.description`, `<command>.<option>.description` (subcommands nest:
 * `<command>.<sub>.<option>.description`) and `<command>.<option>.<choice value>`
 * for a choice's name. The English text must equal the definition's own (a test checks).
 */
export const commands = {
  "link.description":
    "Link your Chastity Tracker account with an API token (asked in a private form)",
  "unlink.description": "Forget your Chastity Tracker token and stop every subscription you made",

  "histories.description": "Show the history of one of your Chastity Tracker sessions",
  "histories.session.description": "Session number (start typing to pick from your sessions)",
  "histories.type.description": "Only this kind of change",
  "histories.type.START": "start of session",
  "histories.type.ADD": "time added",
  "histories.type.SUB": "time removed",
  "histories.source.description": "Only changes from this source",
  "histories.source.DICE": "dice",
  "histories.source.LINK": "link game",
  "histories.source.LUCK": "luck",
  "histories.source.MANUAL": "manual",
  "histories.source.PENALTY": "penalty",
  "histories.source.DOM": "dom",
  "histories.dom.description": "True: only changes made by a dom; false: only the others",
  "histories.from.description":
    "Oldest change to show: 2026-02-01, 2026-02-01 18:30 (UTC), or an age like 24h, 7d",
  "histories.to.description": "Newest change to show, same forms as from",
  "histories.limit.description": "Items per page (1-25, default 10)",
  "histories.public.description": "Show the answer to everyone in the channel (default: only you)",
  "histories.games.description":
    "List the changes of the session's game rules instead (dice, link game, luck)",

  "subscribe.description":
    "Post every new change of your session (dice, penalties, dom actions...) into a channel",
  "subscribe.session.description":
    "Session number; leave empty to follow whichever of your sessions is active",
  "subscribe.channel.description": "Where to post (default: this channel)",
  "subscribe.type.description": "Only this kind of change",
  "subscribe.type.START": "start of session",
  "subscribe.type.ADD": "time added",
  "subscribe.type.SUB": "time removed",
  "subscribe.source.description": "Only changes from this source",
  "subscribe.source.DICE": "dice",
  "subscribe.source.LINK": "link game",
  "subscribe.source.LUCK": "luck",
  "subscribe.source.MANUAL": "manual",
  "subscribe.source.PENALTY": "penalty",
  "subscribe.source.DOM": "dom",
  "subscribe.dom.description": "True: only changes made by a dom; false: only the others",
  "subscribe.to.description": "Post into a channel (default) or into your DM with the bot",
  "subscribe.to.channel": "channel",
  "subscribe.to.dm": "dm",
  "subscribe.games.description":
    "Also post changes of the session's game rules (dice, link game, luck)",
  "subscribe.announce_end.description":
    "Also post once when the session ends: how long it lasted, time added and removed",

  "unsubscribe.description": "Stop a subscription's posts",
  "unsubscribe.subscription.description": "Which one (start typing; /subscriptions lists them)",
  "subscriptions.description":
    "List your subscriptions in this server (with Manage Server: everyone's)",

  "chart.description": "Draw how a session's release date moved",
  "chart.session.description": "Session number (default: your active session, else the newest)",
  "chart.from.description":
    "Oldest change to draw: 2026-02-01, 2026-02-01 18:30 (UTC), or an age like 24h, 7d",
  "chart.to.description": "Newest change to draw, same forms as from",
  "chart.public.description": "Show the chart to everyone in the channel (default: only you)",
  "stats.description": "Show your Chastity Tracker stats with a lock ticker",
  "stats.public.description": "Show your stats to everyone in the channel (default: only you)",

  "roles.description": "Roles that show who is locked, kept in sync with Chastity Tracker",
  "roles.set.description":
    "Choose the role for an active session, and optionally for none and for linked members",
  "roles.set.locked.description": "Role given while a member's session is active",
  "roles.set.unlocked.description": "Role given while a member has no active session (optional)",
  "roles.set.linked.description": "Role given to every member who linked and opted in (optional)",
  "roles.show.description": "Show the configured roles, how many members opted in, and any problem",
  "roles.off.description": "Stop syncing roles in this server and remove the roles the bot gave",
  "rolesync.description":
    "Let the bot show your lock state in this server through roles, or stop it",
  "rolesync.enabled.description":
    "true: show my lock state here through roles; false: stop and remove them",

  "language.description": "The language of the bot's posts in this server",
  "language.set.description": "Choose the language of posts in this server (Manage Server)",
  "language.set.locale.description": "The language; server default follows Discord's setting",
  "language.set.locale.auto": "server default (Discord setting)",
  "language.set.locale.en": "English",
  "language.set.locale.de": "German (Deutsch)",
  "language.set.locale.fr": "French (Français)",
  "language.set.locale.es": "Spanish (Español)",
  "language.set.locale.nl": "Dutch (Nederlands)",
  "language.show.description": "Show the language of posts in this server",

  "privacy.description": "See everything the bot stores about you, and how to erase it",
  "privacy.json.description": "Also attach it all as a JSON file to keep",
  "play.description": "Play your own dice or luck game on your session",
  "play.game.description": "Which game to play",
  "play.game.dice": "dice",
  "play.game.luck": "luck",
  "play.session.description": "Session number (default: your active session)",
  "play.public.description": "Show the result to everyone in the channel (default: only you)",
  "votes.description": "Link-game vote panels: let the server vote on your lock",
  "votes.open.description": "Post a vote panel for your active session's link game",
  "votes.open.channel.description": "Where to post the panel (default: this channel)",
  "votes.close.description": "Close your vote panels in this server",
  "votes.server.description": "Turn vote panels on or off in this server (Manage Server)",
  "votes.server.enabled.description":
    "true: members may post vote panels here; false: none, and close open ones",
  "dom.description": "As a keyholder, play a game on your wearer's session",
  "dom.game.description": "Which game to play",
  "dom.game.dice": "dice",
  "dom.game.luck": "luck",
  "dom.game.link": "link game",
  "dom.session.description": "Your wearer's session number",
  "dom.type.description": "Link game only: add time, remove time, or random",
  "dom.type.add": "add",
  "dom.type.sub": "sub",
  "dom.type.rand": "rand",
  "dom.public.description": "Show the result to everyone in the channel (default: only you)",

  "card.description": "A live status card of your session, edited in place as it changes",
  "card.post.description": "Post a status card of a session (needs a subscription that follows it)",
  "card.post.session.description": "Session number; leave empty for your active session",
  "card.post.channel.description": "Which channel (default: this channel)",
  "card.remove.description": "Take your status card down",
  "card.remove.session.description": "Session number; leave empty for your active session",
  "card.remove.channel.description": "Which channel (default: this channel)",
  "leaderboard.description": "The server's opt-in leaderboard of lock times",
  "leaderboard.show.description":
    "Show the board of members who joined (this month, or a past one)",
  "leaderboard.show.month.description": "A past month as YYYY-MM (default: this month)",
  "leaderboard.join.description":
    "Join this server's leaderboard (your lock times are read and shown here)",
  "leaderboard.leave.description":
    "Leave this server's leaderboard (your rows are deleted at once)",
  "leaderboard.server.description": "Turn the leaderboard on or off in this server (Manage Server)",
  "leaderboard.server.enabled.description":
    "true: members may join and see the board; false: no board here",
  "digest.description": "A weekly digest of your lock, posted once a week at the hour you choose",
  "digest.set.description": "Post your weekly digest in a channel on a weekday and hour (UTC)",
  "digest.set.day.description": "Which weekday",
  "digest.set.day.monday": "Monday",
  "digest.set.day.tuesday": "Tuesday",
  "digest.set.day.wednesday": "Wednesday",
  "digest.set.day.thursday": "Thursday",
  "digest.set.day.friday": "Friday",
  "digest.set.day.saturday": "Saturday",
  "digest.set.day.sunday": "Sunday",
  "digest.set.hour.description": "Which hour, 0-23 (UTC)",
  "digest.set.channel.description": "Which channel (default: this channel)",
  "digest.off.description": "Stop your weekly digest",
} as const;
