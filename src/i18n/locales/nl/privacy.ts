export const privacy = {
  title: "**Wat deze bot over je bewaart**",
  accountHeading: "**Account**",
  account:
    "Gekoppeld aan Chastity Tracker als **{{nick}}** sinds {{when}}. Je API-token wordt versleuteld bewaard (sleutel-id `{{keyId}}`) en nooit getoond.",
  accountNone: "Geen gekoppeld account.",
  languageHeading: "**Taal**",
  language: "DM's van de bot zijn in het {{language}}, de taal van je laatste commando.",
  languageNone: "Niets bewaard.",
  subscriptionsHeading: "**Abonnementen ({{count}})**",
  whereDm: "je DM's met de bot",
  whereChannel: "{{channel}} op server {{server}}",
  sessionActive: "je actieve sessie",
  roleSyncHeading: "**Toestemmingen voor rollensync**",
  roleConsent_one: "Server {{server}}: toegestemd op {{when}}; {{count}} rol gegeven door de bot.",
  roleConsent_other:
    "Server {{server}}: toegestemd op {{when}}; {{count}} rollen gegeven door de bot.",
  pendingHeading: "**Posts die nog verstuurd moeten worden**",
  pending_one: "{{count}} bericht voor {{channel}} (abonnementen {{ids}})",
  pending_other: "{{count}} berichten voor {{channel}} (abonnementen {{ids}})",
  pagingHeading: "**Bladerknoppen**",
  paging_one:
    "{{count}} `/histories`-antwoord bewaart je nick en filters voor zijn knoppen Ouder/Nieuwer; het wordt binnen 15 minuten gewist.",
  paging_other:
    "{{count}} `/histories`-antwoorden bewaren je nick en filters voor hun knoppen Ouder/Nieuwer; ze worden binnen 15 minuten gewist.",
  settingsHeading: "**Serverinstellingen die jij hebt gemaakt**",
  settingRoles: "Rollensync op server {{server}}, ingesteld {{when}}",
  settingLanguage: "Taal van posts op server {{server}}, ingesteld {{when}}",
  settingsKept:
    "Die horen bij de server en noemen jou als de admin die ze maakte; `/unlink` laat ze staan, een andere admin kan ze wijzigen.",
  panelsHeading: "**Stempanelen die je opende**",
  panelOpen:
    "Open in {{channel}} voor sessie {{session}}, sinds {{when}}. Het openbare linktoken wordt versleuteld bewaard en nooit getoond.",
  panelClosed:
    "Gesloten, stond in {{channel}} voor sessie {{session}}, geopend {{when}}; 48 uur na het openen verwijderd.",
  playsHeading: "**Spelbeurten en stemmen**",
  plays_one:
    "{{count}} spelbeurt of stem via de bot (spel, sessie, uitkomst, tijdstip); 48 uur bewaard.",
  plays_other:
    "{{count}} spelbeurten of stemmen via de bot (spel, sessie, uitkomst, tijdstip); 48 uur bewaard.",
  none: "Geen.",
  eraseHeading: "**Wissen**",
  erase: "`/unlink` wist alles hierboven (behalve serverinstellingen) in één keer.",
  revoke:
    "Om het token zelf in te trekken, open je profiel op chastitytracker.org, zoek API-tokens en verwijder het token dat je de bot gaf.",
  jsonHint: "Gebruik `/privacy json:true` om dit allemaal als bestand te krijgen.",
  jsonAttached: "Hetzelfde zit als JSON-bestand in de bijlage.",
};
