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
  unlinkNothing: "Rien à supprimer : tu n'avais ni jeton lié ni abonnement.",
  unlinkToken: "ton jeton du tracker chiffré et ton pseudo",
  unlinkSubscriptions_one: "{{count}} abonnement (plus aucune publication de sa part)",
  unlinkSubscriptions_many: "{{count}} abonnements (plus aucune publication de leur part)",
  unlinkSubscriptions_other: "{{count}} abonnements (plus aucune publication de leur part)",
  unlinkSessions: "ta liste de sessions en cache",
  unlinkRemoved:
    "Supprimé : {{what}}. Il ne reste rien de toi dans la base de données du bot. Tu peux aussi révoquer le jeton dans ton profil du tracker.",
  unlinkRemovedKept:
    "Supprimé : {{what}}. Seuls les réglages de serveur ci-dessous te nomment encore (comme l'admin qui les a faits). Tu peux aussi révoquer le jeton dans ton profil du tracker.",
};
