export const time = {
  help: "Nutze ein UTC-Datum `2026-02-01`, eine UTC-Zeit `2026-02-01 14:30` (Sekunden optional), eine ISO-8601-Zeit mit Z oder Versatz `2026-02-03T10:00:00+01:00` oder ein Alter wie `90m`, `24h`, `7d` (Einheiten s, m, h, d, w).",
  fromAfterTo:
    "`from` liegt nach `to`: tausche die beiden oder erweitere den Zeitraum. $t(time.help)",
  notADate: '`{{name}}` ist kein Datum, das ich verstehe: "{{value}}". $t(time.help)',
};
