export const errors = {
  relink:
    "Chastity Tracker akzeptiert deinen API-Token nicht mehr (er wurde widerrufen oder neu erzeugt). Erstelle in deinem Tracker-Profil einen neuen Token und führe `/link` erneut aus.",
  trackerDown:
    "Chastity Tracker antwortet gerade nicht. Bitte versuche es in ein paar Minuten noch einmal.",
  trackerRefused: "Chastity Tracker hat die Anfrage abgelehnt: {{reason}}",
  trackerForbidden:
    "Chastity Tracker hat dir das nicht gezeigt. Prüfe die Session-Nummer: Nur deine eigenen Sessions sind lesbar.",
  trackerRateLimit:
    "Chastity Tracker bittet uns, langsamer zu machen. Bitte versuche es in einer Minute noch einmal.",
  missingPermission:
    "Dem Bot fehlt dafür eine Berechtigung. Bitte eine Server-Admin, seine Rolle und die Berechtigungen des Kanals zu prüfen.",
  unexpected:
    "Bei uns ist etwas schiefgelaufen. Wenn es wieder passiert, gib der Server-Admin diese Fehler-ID: `{{errorId}}`.",
  notLinked:
    "Du hast dein Chastity-Tracker-Konto noch nicht verknüpft. Führe `/link` aus und füge einen API-Token aus deinem Tracker-Profil ein.",
  unknownInteraction: "Diesen Button oder Befehl kennt der Bot nicht mehr.",
  needsManageServer: "Nur Mitglieder mit der Berechtigung „Server verwalten“ können das tun.",
  serverOnly: "Dieser Befehl funktioniert nur auf einem Server.",
};
