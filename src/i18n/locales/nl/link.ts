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
};
