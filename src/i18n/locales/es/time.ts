export const time = {
  help: "Usa una fecha UTC `2026-02-01`, una hora UTC `2026-02-01 14:30` (segundos opcionales), una hora ISO 8601 con Z o un desfase `2026-02-03T10:00:00+01:00`, o una edad como `90m`, `24h`, `7d` (unidades s, m, h, d, w).",
  fromAfterTo: "`from` es posterior a `to`: intercámbialos o amplía el intervalo. $t(time.help)",
  notADate: '`{{name}}` no es una fecha que entienda: "{{value}}". $t(time.help)',
};
