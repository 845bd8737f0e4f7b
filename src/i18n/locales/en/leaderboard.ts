/** The opt-in server leaderboard (`/leaderboard`). */
export const leaderboard = {
  title: "🏆 Leaderboard · {{month}}",
  line: "**{{rank}}.** {{nick}} · locked this month **{{month}}** · added by others {{others}} · {{now}}",
  lockedNow: "locked since {{since}}",
  notLocked: "not locked now",
  empty: "Nobody has joined yet: `/leaderboard join`.",
  footer: "Only members who joined are shown; figures are read at most every 10 minutes.",
  serverOnly: "The leaderboard belongs to a server: run it in one.",
  needsManage: "Turning the leaderboard on or off needs Manage Server.",
  turnedOn: "The leaderboard is on in this server.",
  turnedOff: "The leaderboard is off in this server; nothing is read or shown here.",
  left: "You left this server's leaderboard; your rows here are deleted.",
  notJoined: "You had not joined this server's leaderboard.",
  off: "The leaderboard is turned off in this server.",
  joined:
    "You joined this server's leaderboard: your lock time this month, your current lock and the time others added are read from the tracker and shown here. `/leaderboard leave` ends it.",
  badMonth: "`{{month}}` is not a month: write it as YYYY-MM, e.g. 2026-10.",
  privacyHeading: "**Leaderboards**",
  privacyMember: "Joined the board of server {{server}} on {{when}}",
  privacyMonths_one: "{{count}} month of figures kept (lock time, time added by others, your nick)",
  privacyMonths_other:
    "{{count}} months of figures kept (lock time, time added by others, your nick)",
} as const;
