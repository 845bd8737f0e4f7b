export const time = {
  help: "Gebruik een UTC-datum `2026-02-01`, een UTC-tijd `2026-02-01 14:30` (seconden optioneel), een ISO 8601-tijd met Z of een offset `2026-02-03T10:00:00+01:00`, of een leeftijd zoals `90m`, `24h`, `7d` (eenheden s, m, h, d, w).",
  fromAfterTo: "`from` ligt na `to`: verwissel ze of maak het bereik groter. $t(time.help)",
  notADate: '`{{name}}` is geen datum die ik begrijp: "{{value}}". $t(time.help)',
};
