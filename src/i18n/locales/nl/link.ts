export const link = {
  modalTitle: "Chastity Tracker koppelen",
  tokenLabel: "Je API-token",
  tokenPlaceholder: "Plak het token uit je trackerprofiel",
  whereToCreate:
    "Maak er een aan op chastitytracker.org: open je profiel, zoek de sectie API-tokens, maak een token aan en kopieer het (het wordt maar één keer getoond).",
  tooShort: "Dat is te kort voor een API-token.",
  tooLong: "Dat is te lang voor een API-token.",
  hasSpaces: "Een API-token bevat geen spaties.",
  invalid: "Ongeldig token.",
  refused:
    "Chastity Tracker accepteerde dat token niet. {{whereToCreate}} Voer daarna `/link` opnieuw uit.",
  linked: "Gekoppeld als **{{nick}}**.",
  replaced: "Je eerdere token is vervangen.",
  resumed_one: "{{count}} gepauzeerd abonnement hervat.",
  resumed_other: "{{count}} gepauzeerde abonnementen hervat.",
  next: "Probeer `/histories` om een sessie te bekijken, of `/subscribe` om wijzigingen in een kanaal te laten posten.",
  unlinkNothing: "Niets te verwijderen: je had geen gekoppeld token en geen abonnementen.",
  unlinkToken: "je versleutelde tracker-token en nick",
  unlinkSubscriptions_one: "{{count}} abonnement (geen berichten meer daarvan)",
  unlinkSubscriptions_other: "{{count}} abonnementen (geen berichten meer daarvan)",
  unlinkSessions: "je opgeslagen sessielijst",
  unlinkRemoved:
    "Verwijderd: {{what}}. Er staat niets meer van je in de database van de bot. Je kunt het token ook intrekken in je trackerprofiel.",
  unlinkRemovedKept:
    "Verwijderd: {{what}}. Alleen de serverinstellingen hieronder noemen je nog (als de admin die ze maakte). Je kunt het token ook intrekken in je trackerprofiel.",
};
