export const link = {
  modalTitle: "Chastity Tracker verknüpfen",
  tokenLabel: "Dein API-Token",
  tokenPlaceholder: "Füge den Token aus deinem Tracker-Profil ein",
  whereToCreate:
    "Erstelle einen auf chastitytracker.org: Öffne dein Profil, suche den Bereich API-Tokens, erstelle einen Token und kopiere ihn (er wird nur einmal angezeigt).",
  tooShort: "Das ist zu kurz für einen API-Token.",
  tooLong: "Das ist zu lang für einen API-Token.",
  hasSpaces: "Ein API-Token enthält keine Leerzeichen.",
  invalid: "Ungültiger Token.",
  refused:
    "Chastity Tracker hat diesen Token nicht akzeptiert. {{whereToCreate}} Führe dann `/link` erneut aus.",
  linked: "Verknüpft als **{{nick}}**.",
  replaced: "Dein früherer Token wurde ersetzt.",
  resumed_one: "{{count}} pausiertes Abo wieder aufgenommen.",
  resumed_other: "{{count}} pausierte Abos wieder aufgenommen.",
  next: "Probiere `/histories`, um eine Session durchzusehen, oder `/subscribe`, um Änderungen in einem Kanal posten zu lassen.",
  unlinkNothing: "Nichts zu entfernen: Du hattest keinen verknüpften Token und keine Abos.",
  unlinkToken: "deinen verschlüsselten Tracker-Token und Nick",
  unlinkSubscriptions_one: "{{count}} Abo (keine Posts mehr davon)",
  unlinkSubscriptions_other: "{{count}} Abos (keine Posts mehr davon)",
  unlinkSessions: "deine zwischengespeicherte Session-Liste",
  unlinkRemoved:
    "Entfernt: {{what}}. Von dir ist nichts mehr in der Datenbank des Bots. Du kannst den Token zusätzlich in deinem Tracker-Profil widerrufen.",
  unlinkRemovedKept:
    "Entfernt: {{what}}. Nur die Server-Einstellungen unten nennen dich noch (als Admin, der sie vorgenommen hat). Du kannst den Token zusätzlich in deinem Tracker-Profil widerrufen.",
};
