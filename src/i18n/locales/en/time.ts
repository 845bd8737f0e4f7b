/** How to write a time in `from`/`to` options. */
export const time = {
  help: "Use a UTC date `2026-02-01`, a UTC time `2026-02-01 14:30` (seconds optional), an ISO 8601 time with Z or an offset `2026-02-03T10:00:00+01:00`, or an age such as `90m`, `24h`, `7d` (units s, m, h, d, w).",
  fromAfterTo: "`from` is after `to`: swap them or widen the range. $t(time.help)",
  notADate: '`{{name}}` is not a date I understand: "{{value}}". $t(time.help)',
} as const;
