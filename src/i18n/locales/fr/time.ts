export const time = {
  help: "Utilise une date UTC `2026-02-01`, une heure UTC `2026-02-01 14:30` (secondes facultatives), une heure ISO 8601 avec Z ou un décalage `2026-02-03T10:00:00+01:00`, ou un âge comme `90m`, `24h`, `7d` (unités s, m, h, d, w).",
  fromAfterTo: "`from` est après `to` : inverse-les ou élargis la période. $t(time.help)",
  notADate: "`{{name}}` n'est pas une date que je comprends : « {{value}} ». $t(time.help)",
};
