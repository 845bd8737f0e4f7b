/** The opt-in server leaderboard (`/leaderboard`). */
export const leaderboard = {
  title: "🏆 Bestenliste · {{month}}",
  line: "**{{rank}}.** {{nick}} · diesen Monat verschlossen **{{month}}** · von anderen hinzugefügt {{others}} · {{now}}",
  lockedNow: "verschlossen seit {{since}}",
  notLocked: "gerade nicht verschlossen",
  empty: "Noch niemand ist beigetreten: `/leaderboard join`.",
  footer:
    "Nur Mitglieder, die beigetreten sind; die Zahlen werden höchstens alle 10 Minuten gelesen.",
  serverOnly: "Die Bestenliste gehört zu einem Server: führe den Befehl dort aus.",
  needsManage: "Die Bestenliste ein- oder auszuschalten braucht „Server verwalten“.",
  turnedOn: "Die Bestenliste ist auf diesem Server an.",
  turnedOff: "Die Bestenliste ist auf diesem Server aus; hier wird nichts gelesen oder gezeigt.",
  left: "Du hast die Bestenliste dieses Servers verlassen; deine Zeilen hier sind gelöscht.",
  notJoined: "Du warst der Bestenliste dieses Servers nicht beigetreten.",
  off: "Die Bestenliste ist auf diesem Server ausgeschaltet.",
  joined:
    "Du bist der Bestenliste dieses Servers beigetreten: deine Verschlusszeit diesen Monat, dein aktueller Verschluss und die von anderen hinzugefügte Zeit werden vom Tracker gelesen und hier gezeigt. `/leaderboard leave` beendet das.",
  badMonth: "`{{month}}` ist kein Monat: schreibe ihn als JJJJ-MM, z. B. 2026-10.",
  privacyHeading: "**Bestenlisten**",
  privacyMember: "Der Bestenliste von Server {{server}} beigetreten am {{when}}",
  privacyMonths_one:
    "{{count}} Monat mit Zahlen gespeichert (Verschlusszeit, von anderen hinzugefügte Zeit, dein Nick)",
  privacyMonths_other:
    "{{count}} Monate mit Zahlen gespeichert (Verschlusszeit, von anderen hinzugefügte Zeit, dein Nick)",
} as const;
