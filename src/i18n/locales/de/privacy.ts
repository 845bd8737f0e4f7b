export const privacy = {
  title: "**Was dieser Bot über dich speichert**",
  accountHeading: "**Konto**",
  account:
    "Mit Chastity Tracker verknüpft als **{{nick}}** seit {{when}}. Dein API-Token ist verschlüsselt gespeichert (Schlüssel-ID `{{keyId}}`) und wird nie angezeigt.",
  accountNone: "Kein verknüpftes Konto.",
  languageHeading: "**Sprache**",
  language: "DMs des Bots sind auf {{language}}, der Sprache deines letzten Befehls.",
  languageNone: "Keine gespeichert.",
  subscriptionsHeading: "**Abos ({{count}})**",
  whereDm: "deine DMs mit dem Bot",
  whereChannel: "{{channel}} auf dem Server {{server}}",
  sessionActive: "deine aktive Session",
  roleSyncHeading: "**Zustimmungen zum Rollen-Sync**",
  roleConsent_one: "Server {{server}}: zugestimmt am {{when}}; {{count}} Rolle vom Bot vergeben.",
  roleConsent_other:
    "Server {{server}}: zugestimmt am {{when}}; {{count}} Rollen vom Bot vergeben.",
  pendingHeading: "**Noch nicht gesendete Posts**",
  pending_one: "{{count}} Nachricht für {{channel}} (Abos {{ids}})",
  pending_other: "{{count}} Nachrichten für {{channel}} (Abos {{ids}})",
  pagingHeading: "**Blätter-Buttons**",
  paging_one:
    "{{count}} `/histories`-Antwort hält deinen Nick und deine Filter für ihre Buttons Älter/Neuer; sie wird innerhalb von 15 Minuten gelöscht.",
  paging_other:
    "{{count}} `/histories`-Antworten halten deinen Nick und deine Filter für ihre Buttons Älter/Neuer; sie werden innerhalb von 15 Minuten gelöscht.",
  settingsHeading: "**Servereinstellungen, die du vorgenommen hast**",
  settingRoles: "Rollen-Sync auf dem Server {{server}}, gesetzt {{when}}",
  settingLanguage: "Sprache der Posts auf dem Server {{server}}, gesetzt {{when}}",
  settingsKept:
    "Diese gehören dem Server und nennen dich als Admin, der sie vorgenommen hat; `/unlink` behält sie, ein anderer Admin kann sie ändern.",
  panelsHeading: "**Deine Abstimmungs-Panels**",
  panelOpen:
    "Offen in {{channel}} für Session {{session}}, seit {{when}}. Das öffentliche Link-Token ist verschlüsselt gespeichert und wird nie angezeigt.",
  panelClosed:
    "Geschlossen, war in {{channel}} für Session {{session}}, geöffnet {{when}}; wird 48 Stunden nach dem Öffnen gelöscht.",
  playsHeading: "**Spielzüge und Stimmen**",
  plays_one:
    "{{count}} Spielzug oder Stimme über den Bot (Spiel, Session, Ergebnis, Zeitpunkt); 48 Stunden aufbewahrt.",
  plays_other:
    "{{count}} Spielzüge oder Stimmen über den Bot (Spiel, Session, Ergebnis, Zeitpunkt); 48 Stunden aufbewahrt.",
  none: "Keine.",
  eraseHeading: "**Löschen**",
  erase: "`/unlink` löscht alles oben Genannte (außer Servereinstellungen) auf einmal.",
  revoke:
    "Um den Token selbst zu widerrufen, öffne dein Profil auf chastitytracker.org, suche die API-Tokens und lösche den, den du dem Bot gegeben hast.",
  jsonHint: "Mit `/privacy json:true` bekommst du all das als Datei.",
  jsonAttached: "Dasselbe ist als JSON-Datei angehängt.",
};
