/** The opt-in server leaderboard (`/leaderboard`). */
export const leaderboard = {
  title: "🏆 Ranglijst · {{month}}",
  line: "**{{rank}}.** {{nick}} · deze maand opgesloten **{{month}}** · door anderen toegevoegd {{others}} · {{now}}",
  lockedNow: "opgesloten sinds {{since}}",
  notLocked: "nu niet opgesloten",
  empty: "Nog niemand doet mee: `/leaderboard join`.",
  footer:
    "Alleen leden die meedoen worden getoond; de cijfers worden hoogstens elke 10 minuten gelezen.",
  serverOnly: "De ranglijst hoort bij een server: gebruik hem daar.",
  needsManage: "De ranglijst aan- of uitzetten vraagt Server beheren.",
  turnedOn: "De ranglijst staat aan op deze server.",
  turnedOff: "De ranglijst staat uit op deze server; hier wordt niets gelezen of getoond.",
  left: "Je doet niet meer mee aan de ranglijst van deze server; je rijen hier zijn verwijderd.",
  notJoined: "Je deed niet mee aan de ranglijst van deze server.",
  off: "De ranglijst staat uit op deze server.",
  joined:
    "Je doet mee aan de ranglijst van deze server: je opsluittijd deze maand, je huidige opsluiting en de tijd die anderen toevoegden worden van de tracker gelezen en hier getoond. `/leaderboard leave` stopt het.",
  badMonth: "`{{month}}` is geen maand: schrijf hem als JJJJ-MM, bv. 2026-10.",
  privacyHeading: "**Ranglijsten**",
  privacyMember: "Doet sinds {{when}} mee aan de ranglijst van server {{server}}",
  privacyMonths_one:
    "{{count}} maand met cijfers bewaard (opsluittijd, door anderen toegevoegde tijd, je nick)",
  privacyMonths_other:
    "{{count}} maanden met cijfers bewaard (opsluittijd, door anderen toegevoegde tijd, je nick)",
} as const;
