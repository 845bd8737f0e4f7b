/** The opt-in server leaderboard (`/leaderboard`). */
export const leaderboard = {
  title: "🏆 Classement · {{month}}",
  line: "**{{rank}}.** {{nick}} · enfermé·e ce mois-ci **{{month}}** · ajouté par d'autres {{others}} · {{now}}",
  lockedNow: "enfermé·e depuis {{since}}",
  notLocked: "pas enfermé·e en ce moment",
  empty: "Personne n'a encore rejoint : `/leaderboard join`.",
  footer:
    "Seuls les membres qui ont rejoint sont affichés ; les chiffres sont lus au plus toutes les 10 minutes.",
  serverOnly: "Le classement appartient à un serveur : lance la commande dans un serveur.",
  needsManage: "Activer ou désactiver le classement demande « Gérer le serveur ».",
  turnedOn: "Le classement est activé sur ce serveur.",
  turnedOff: "Le classement est désactivé sur ce serveur ; rien n'y est lu ni affiché.",
  left: "Tu as quitté le classement de ce serveur ; tes lignes ici sont supprimées.",
  notJoined: "Tu n'avais pas rejoint le classement de ce serveur.",
  off: "Le classement est désactivé sur ce serveur.",
  joined:
    "Tu as rejoint le classement de ce serveur : ton temps enfermé·e ce mois-ci, ton enfermement actuel et le temps ajouté par d'autres sont lus sur le tracker et affichés ici. `/leaderboard leave` y met fin.",
  badMonth: "`{{month}}` n'est pas un mois : écris-le AAAA-MM, par ex. 2026-10.",
  privacyHeading: "**Classements**",
  privacyMember: "A rejoint le classement du serveur {{server}} le {{when}}",
  privacyMonths_one:
    "{{count}} mois de chiffres conservé (temps enfermé·e, temps ajouté par d'autres, ton pseudo)",
  privacyMonths_many:
    "{{count}} mois de chiffres conservés (temps enfermé·e, temps ajouté par d'autres, ton pseudo)",
  privacyMonths_other:
    "{{count}} mois de chiffres conservés (temps enfermé·e, temps ajouté par d'autres, ton pseudo)",
} as const;
