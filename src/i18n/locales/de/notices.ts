export const notices = {
  theChannel: "den Kanal",
  tokenInvalid:
    "Dein Chastity-Tracker-API-Token funktioniert nicht mehr (er wurde wohl widerrufen oder neu erzeugt), daher habe ich deine Abos pausiert. Erstelle auf deiner Tracker-Profilseite einen neuen Token und führe damit `/link` aus: Deine Abos laufen weiter, und nichts, was inzwischen passiert ist, geht verloren.",
  notLinked:
    "Dein Chastity-Tracker-Konto ist nicht mehr verknüpft, daher habe ich deine Abos pausiert. Führe `/link` mit einem API-Token von deiner Tracker-Profilseite aus, um sie fortzusetzen.",
  missingPermissions:
    "Ich kann deine Chastity-Tracker-Updates nicht mehr in {{channel}} posten: Mir fehlen dort Berechtigungen. Gib mir „Kanal ansehen“, „Nachrichten senden“ und „Links einbetten“ in diesem Kanal und führe dort dann erneut `/subscribe` aus; nichts geht verloren.",
  missingAccess:
    "Ich kann {{channel}} nicht mehr sehen, daher habe ich deine Chastity-Tracker-Updates dafür pausiert. Gib mir Zugriff auf diesen Kanal („Kanal ansehen“) und führe dort dann erneut `/subscribe` aus; nichts geht verloren.",
  threadClosed:
    "Der Thread {{channel}} ist archiviert oder gesperrt, daher habe ich deine Chastity-Tracker-Updates dafür pausiert. Sobald ihn eine Moderation wieder öffnet, führe dort erneut `/subscribe` aus; nichts geht verloren.",
  unknownChannel:
    "Den Kanal {{channel}} gibt es nicht mehr, daher habe ich deine Chastity-Tracker-Updates dafür pausiert. Führe `/subscribe` in einem anderen Kanal aus, um sie weiter zu erhalten.",
};
