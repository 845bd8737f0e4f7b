export const link = {
  modalTitle: "Lier Chastity Tracker",
  tokenLabel: "Ton jeton d'API",
  tokenPlaceholder: "Colle le jeton de ton profil du tracker",
  whereToCreate:
    "Crée-en un sur chastitytracker.org : ouvre ton profil, trouve la section des jetons d'API, crée un jeton et copie-le (il n'est affiché qu'une fois).",
  tooShort: "C'est trop court pour être un jeton d'API.",
  tooLong: "C'est trop long pour être un jeton d'API.",
  hasSpaces: "Un jeton d'API ne contient pas d'espaces.",
  invalid: "Jeton invalide.",
  refused: "Chastity Tracker n'a pas accepté ce jeton. {{whereToCreate}} Puis relance `/link`.",
  linked: "Lié en tant que **{{nick}}**.",
  replaced: "Ton ancien jeton a été remplacé.",
  resumed_one: "{{count}} abonnement en pause a repris.",
  resumed_other: "{{count}} abonnements en pause ont repris.",
  resumed_many: "{{count}} abonnements en pause ont repris.",
  next: "Essaie `/histories` pour parcourir une session, ou `/subscribe` pour faire publier les changements dans un salon.",
};
