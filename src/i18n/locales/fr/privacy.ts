export const privacy = {
  title: "**Ce que ce bot conserve sur toi**",
  accountHeading: "**Compte**",
  account:
    "Lié à Chastity Tracker en tant que **{{nick}}** depuis {{when}}. Ton jeton d'API est stocké chiffré (id de clé `{{keyId}}`) et n'est jamais affiché.",
  accountNone: "Aucun compte lié.",
  languageHeading: "**Langue**",
  language: "Les MP du bot sont écrits en {{language}}, la langue de ta dernière commande.",
  languageNone: "Aucune enregistrée.",
  subscriptionsHeading: "**Abonnements ({{count}})**",
  whereDm: "tes MP avec le bot",
  whereChannel: "{{channel}} sur le serveur {{server}}",
  sessionActive: "ta session active",
  roleSyncHeading: "**Accords pour la synchro des rôles**",
  roleConsent_one:
    "Serveur {{server}} : accord donné le {{when}} ; {{count}} rôle donné par le bot.",
  roleConsent_many:
    "Serveur {{server}} : accord donné le {{when}} ; {{count}} rôles donnés par le bot.",
  roleConsent_other:
    "Serveur {{server}} : accord donné le {{when}} ; {{count}} rôles donnés par le bot.",
  pendingHeading: "**Publications en attente d'envoi**",
  pending_one: "{{count}} message pour {{channel}} (abonnements {{ids}})",
  pending_many: "{{count}} messages pour {{channel}} (abonnements {{ids}})",
  pending_other: "{{count}} messages pour {{channel}} (abonnements {{ids}})",
  pagingHeading: "**Boutons de pages**",
  paging_one:
    "{{count}} réponse de `/histories` garde ton pseudo et tes filtres pour ses boutons Plus ancien/Plus récent ; elle est supprimée sous 15 minutes.",
  paging_many:
    "{{count}} réponses de `/histories` gardent ton pseudo et tes filtres pour leurs boutons Plus ancien/Plus récent ; elles sont supprimées sous 15 minutes.",
  paging_other:
    "{{count}} réponses de `/histories` gardent ton pseudo et tes filtres pour leurs boutons Plus ancien/Plus récent ; elles sont supprimées sous 15 minutes.",
  settingsHeading: "**Réglages de serveur que tu as faits**",
  settingRoles: "Synchro des rôles sur le serveur {{server}}, réglée {{when}}",
  settingLanguage: "Langue des publications sur le serveur {{server}}, réglée {{when}}",
  settingsKept:
    "Ils appartiennent au serveur et te nomment comme l'admin qui les a faits ; `/unlink` les garde, un autre admin peut les changer.",
  panelsHeading: "**Panneaux de vote que vous avez ouverts**",
  panelOpen:
    "Ouvert dans {{channel}} pour la session {{session}}, depuis {{when}}. Son jeton de lien public est stocké chiffré et jamais affiché.",
  panelClosed:
    "Fermé, était dans {{channel}} pour la session {{session}}, ouvert {{when}} ; supprimé 48 heures après son ouverture.",
  playsHeading: "**Parties et votes**",
  plays_one:
    "{{count}} partie ou vote fait via le bot (jeu, session, résultat, date) ; conservé 48 heures.",
  plays_many:
    "{{count}} parties ou votes faits via le bot (jeu, session, résultat, date) ; conservés 48 heures.",
  plays_other:
    "{{count}} parties ou votes faits via le bot (jeu, session, résultat, date) ; conservés 48 heures.",
  none: "Aucun.",
  eraseHeading: "**Effacer**",
  erase: "`/unlink` supprime tout ce qui précède (sauf les réglages de serveur) d'un coup.",
  revoke:
    "Pour révoquer le jeton lui-même, ouvre ton profil sur chastitytracker.org, trouve les jetons d'API et supprime celui que tu as donné au bot.",
  jsonHint: "Lance `/privacy json:true` pour recevoir tout cela en fichier.",
  jsonAttached: "La même chose est jointe en fichier JSON.",
};
