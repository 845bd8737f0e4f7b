export const commands = {
  "link.description":
    "Verknüpfe dein Chastity-Tracker-Konto mit einem API-Token (in einem privaten Formular)",
  "unlink.description": "Vergiss deinen Chastity-Tracker-Token und beende alle deine Abos",

  "histories.description": "Zeigt den Verlauf einer deiner Chastity-Tracker-Sessions",
  "histories.session.description": "Session-Nummer (tippen, um aus deinen Sessions zu wählen)",
  "histories.type.description": "Nur diese Art von Änderung",
  "histories.type.START": "Beginn der Session",
  "histories.type.ADD": "Zeit hinzugefügt",
  "histories.type.SUB": "Zeit abgezogen",
  "histories.source.description": "Nur Änderungen aus dieser Quelle",
  "histories.source.DICE": "Würfel",
  "histories.source.LINK": "Link-Spiel",
  "histories.source.LUCK": "Glück",
  "histories.source.MANUAL": "manuell",
  "histories.source.PENALTY": "Strafe",
  "histories.source.DOM": "Dom",
  "histories.dom.description": "Wahr: nur Änderungen einer Dom; falsch: nur die anderen",
  "histories.from.description":
    "Älteste Änderung: 2026-02-01, 2026-02-01 18:30 (UTC) oder ein Alter wie 24h, 7d",
  "histories.to.description": "Neueste Änderung, gleiche Formen wie bei from",
  "histories.limit.description": "Einträge pro Seite (1-25, Standard 10)",
  "histories.public.description": "Antwort allen im Kanal zeigen (Standard: nur dir)",
  "histories.games.description":
    "Stattdessen die Änderungen der Spielregeln der Session zeigen (Würfel, Link, Glück)",

  "subscribe.description":
    "Postet jede neue Änderung deiner Session (Würfel, Strafen, Dom-Aktionen...) in einen Kanal",
  "subscribe.session.description":
    "Session-Nummer; leer lassen, um deiner jeweils aktiven Session zu folgen",
  "subscribe.channel.description": "Wohin gepostet wird (Standard: dieser Kanal)",
  "subscribe.type.description": "Nur diese Art von Änderung",
  "subscribe.type.START": "Beginn der Session",
  "subscribe.type.ADD": "Zeit hinzugefügt",
  "subscribe.type.SUB": "Zeit abgezogen",
  "subscribe.source.description": "Nur Änderungen aus dieser Quelle",
  "subscribe.source.DICE": "Würfel",
  "subscribe.source.LINK": "Link-Spiel",
  "subscribe.source.LUCK": "Glück",
  "subscribe.source.MANUAL": "manuell",
  "subscribe.source.PENALTY": "Strafe",
  "subscribe.source.DOM": "Dom",
  "subscribe.dom.description": "Wahr: nur Änderungen einer Dom; falsch: nur die anderen",
  "subscribe.to.description": "In einen Kanal posten (Standard) oder in deine DM mit dem Bot",
  "subscribe.to.channel": "Kanal",
  "subscribe.to.dm": "meine DMs",
  "subscribe.games.description":
    "Auch Änderungen der Spielregeln der Session posten (Würfel, Link, Glück)",
  "subscribe.announce_end.description":
    "Auch einmal posten, wenn die Session endet: Dauer, hinzugefügte und abgezogene Zeit",

  "unsubscribe.description": "Beendet die Posts eines Abos",
  "unsubscribe.subscription.description": "Welches (tippen; /subscriptions listet sie auf)",
  "subscriptions.description":
    "Listet deine Abos auf diesem Server auf (mit „Server verwalten“: die aller Mitglieder)",

  "chart.description": "Zeichnet, wie sich das Freigabedatum einer Session verschoben hat",
  "chart.session.description": "Session-Nummer (Standard: deine aktive Session, sonst die neueste)",
  "chart.from.description":
    "Älteste Änderung: 2026-02-01, 2026-02-01 18:30 (UTC) oder ein Alter wie 24h, 7d",
  "chart.to.description": "Neueste Änderung, dieselben Formen wie bei from",
  "chart.public.description": "Das Diagramm allen im Kanal zeigen (Standard: nur dir)",
  "stats.description": "Zeigt deine Chastity-Tracker-Statistik mit einem Lock-Ticker",
  "stats.public.description": "Deine Statistik allen im Kanal zeigen (Standard: nur dir)",

  "roles.description": "Rollen, die zeigen, wer verschlossen ist, mit Chastity Tracker abgeglichen",
  "roles.set.description":
    "Rolle für eine aktive Session wählen, optional auch für keine und für verknüpfte Mitglieder",
  "roles.set.locked.description": "Rolle, solange die Session eines Mitglieds aktiv ist",
  "roles.set.unlocked.description":
    "Rolle, solange ein Mitglied keine aktive Session hat (optional)",
  "roles.set.linked.description":
    "Rolle für jedes Mitglied, das verknüpft und zugestimmt hat (optional)",
  "roles.show.description":
    "Zeigt die eingestellten Rollen, wie viele Mitglieder zugestimmt haben und jedes Problem",
  "roles.off.description":
    "Rollen-Sync auf diesem Server beenden und die vom Bot vergebenen Rollen entfernen",
  "rolesync.description":
    "Den Bot deinen Verschluss-Status hier über Rollen zeigen lassen, oder das beenden",
  "rolesync.enabled.description":
    "true: meinen Status hier über Rollen zeigen; false: beenden und sie entfernen",

  "language.description": "Die Sprache der Posts des Bots auf diesem Server",
  "language.set.description": "Sprache der Posts auf diesem Server wählen (Server verwalten)",
  "language.set.locale.description": "Die Sprache; Server-Standard folgt der Discord-Einstellung",
  "language.set.locale.auto": "Server-Standard (Discord-Einstellung)",
  "language.set.locale.en": "Englisch (English)",
  "language.set.locale.de": "Deutsch",
  "language.set.locale.fr": "Französisch (Français)",
  "language.set.locale.es": "Spanisch (Español)",
  "language.set.locale.nl": "Niederländisch (Nederlands)",
  "language.show.description": "Zeigt die Sprache der Posts auf diesem Server",

  "privacy.description": "Zeigt alles, was der Bot über dich speichert, und wie du es löschst",
  "privacy.json.description": "Alles zusätzlich als JSON-Datei zum Aufbewahren anhängen",
  "play.description": "Spiel dein eigenes Würfel- oder Glücksspiel in deiner Session",
  "play.game.description": "Welches Spiel",
  "play.game.dice": "Würfel",
  "play.game.luck": "Glück",
  "play.session.description": "Session-Nummer (Standard: deine aktive Session)",
  "play.public.description": "Ergebnis allen im Kanal zeigen (Standard: nur dir)",
  "votes.description":
    "Abstimmungs-Panels fürs Link-Spiel: lass den Server über dein Schloss abstimmen",
  "votes.open.description":
    "Ein Abstimmungs-Panel für das Link-Spiel deiner aktiven Session posten",
  "votes.open.channel.description": "Wo das Panel gepostet wird (Standard: dieser Kanal)",
  "votes.close.description": "Deine Abstimmungs-Panels auf diesem Server schließen",
  "votes.server.description":
    "Abstimmungs-Panels auf diesem Server ein- oder ausschalten (Server verwalten)",
  "votes.server.enabled.description":
    "true: Mitglieder dürfen hier Panels posten; false: keine, offene werden geschlossen",
  "dom.description": "Als Keyholder ein Spiel in der Session deines Wearers spielen",
  "dom.game.description": "Welches Spiel",
  "dom.game.dice": "Würfel",
  "dom.game.luck": "Glück",
  "dom.game.link": "Link-Spiel",
  "dom.session.description": "Die Session-Nummer deines Wearers",
  "dom.type.description": "Nur Link-Spiel: Zeit hinzufügen, abziehen oder Zufall",
  "dom.type.add": "hinzufügen",
  "dom.type.sub": "abziehen",
  "dom.type.rand": "Zufall",
  "dom.public.description": "Ergebnis allen im Kanal zeigen (Standard: nur dir)",
  "card.description":
    "Eine Live-Statuskarte deiner Session, die bei jeder Änderung bearbeitet wird",
  "card.post.description": "Statuskarte einer Session posten (braucht ein Abo, das ihr folgt)",
  "card.post.session.description": "Sessionnummer; leer lassen für deine aktive Session",
  "card.post.channel.description": "Welcher Kanal (Standard: dieser Kanal)",
  "card.remove.description": "Deine Statuskarte entfernen",
  "card.remove.session.description": "Sessionnummer; leer lassen für deine aktive Session",
  "card.remove.channel.description": "Welcher Kanal (Standard: dieser Kanal)",
  "leaderboard.description": "Die freiwillige Bestenliste der Verschlusszeiten dieses Servers",
  "leaderboard.show.description":
    "Die Liste der beigetretenen Mitglieder zeigen (dieser oder ein früherer Monat)",
  "leaderboard.show.month.description": "Ein früherer Monat als JJJJ-MM (Standard: dieser Monat)",
  "leaderboard.join.description":
    "Der Bestenliste beitreten (deine Verschlusszeiten werden gelesen und hier gezeigt)",
  "leaderboard.leave.description":
    "Die Bestenliste verlassen (deine Zeilen werden sofort gelöscht)",
  "leaderboard.server.description":
    "Die Bestenliste auf diesem Server ein- oder ausschalten (Server verwalten)",
  "leaderboard.server.enabled.description":
    "true: Mitglieder können beitreten und sie sehen; false: keine Bestenliste hier",
  "digest.description": "Ein Wochenrückblick deines Verschlusses, einmal pro Woche zur gewählten Stunde",
  "digest.set.description": "Deinen Wochenrückblick an einem Wochentag und zu einer Stunde (UTC) in einem Kanal posten",
  "digest.set.day.description": "Welcher Wochentag",
  "digest.set.day.monday": "Montag",
  "digest.set.day.tuesday": "Dienstag",
  "digest.set.day.wednesday": "Mittwoch",
  "digest.set.day.thursday": "Donnerstag",
  "digest.set.day.friday": "Freitag",
  "digest.set.day.saturday": "Samstag",
  "digest.set.day.sunday": "Sonntag",
  "digest.set.hour.description": "Welche Stunde, 0-23 (UTC)",
  "digest.set.channel.description": "Welcher Kanal (Standard: dieser Kanal)",
  "digest.off.description": "Deinen Wochenrückblick beenden",
};
