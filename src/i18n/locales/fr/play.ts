/** `/play`, `/dom`, `/votes` et les panneaux de vote. */
export const play = {
  gameDice: "Dés",
  gameLuck: "Chance",
  gameLink: "Jeu du lien",
  added: "{{game}} : **{{amount}}** ajouté.",
  removed: "{{game}} : **{{amount}}** retiré.",
  multiplier: "Multiplicateur : ×{{value}}.",
  release: "Nouvelle libération : {{at}} ({{relative}}).",
  noRelease: "Le tracker n'a pas envoyé de nouvelle heure de libération.",
  unknown:
    "Chastity Tracker n'a pas répondu à temps : on ne sait pas si cela a compté. Rien n'a été renvoyé : l'historique de la session (et tout post d'abonnement) le montrera.",
  notSent: "Chastity Tracker est injoignable, rien n'a donc été envoyé. Réessaie dans un instant.",
  repeat:
    "C'était déjà traité, rien n'a donc été renvoyé. L'historique de la session montre le résultat.",
  refused: "Chastity Tracker a refusé : {{reason}}",
  refusedNoReason: "Chastity Tracker a refusé.",
  rateLimited: "Chastity Tracker est surchargé, rien n'a changé. Réessaie dans une minute.",
  relink: "Chastity Tracker n'accepte plus ton token. Lance `/link` avec un nouveau.",
  noActiveSession:
    "Tu n'as pas de session active. Commence-en une sur le tracker, ou donne `session:` avec son numéro.",
  typeRequired: "Le jeu du lien a besoin de `type:` (add, sub ou rand).",
  typeOnlyForLink:
    "`type:` ne sert qu'au jeu du lien ; laisse-le de côté pour les dés et la chance.",

  panelTitle: "Vote sur le verrou de {{nick}}",
  panelSession: "Session n°{{session}}",
  panelRelease: "Libération {{relative}}.",
  panelNoRelease: "Pas d'heure de libération.",
  panelHow:
    "Appuie sur un bouton pour ajouter, retirer ou laisser faire le hasard. Un vote par membre toutes les {{cooldown}}.",
  panelTally_one: "Dernières 24 h : {{count}} vote, net {{net}}.",
  panelTally_many: "Dernières 24 h : {{count}} votes, net {{net}}.",
  panelTally_other: "Dernières 24 h : {{count}} votes, net {{net}}.",
  buttonAdd: "➕ Ajouter du temps",
  buttonSub: "➖ Retirer du temps",
  buttonRand: "🎲 Au hasard",
  buttonClose: "Fermer",
  closedOwner: "Ce panneau de vote est fermé.",
  closedEnded: "Ce panneau de vote s'est fermé : la session est terminée.",
  closedToken:
    "Ce panneau de vote s'est fermé : le tracker n'accepte plus son token de jeu du lien.",
  closedDisabled:
    "Ce panneau de vote est fermé : les panneaux de vote sont désactivés sur ce serveur.",
  closedUnlinked: "Ce panneau de vote est fermé : son propriétaire a délié son compte.",

  opened:
    "Panneau de vote publié dans {{channel}}. Ferme-le avec `/votes close` ou son bouton Fermer.",
  alreadyOpen: "Tu as déjà un panneau de vote ouvert dans {{channel}}.",
  noLinkGame:
    "Aucun lien de jeu du lien n'a pu être lu dans tes statistiques du tracker. Si tu n'as pas encore activé le jeu du lien, active-le d'abord dans les réglages de jeux du tracker. S'il est activé, appuie sur le bouton et colle le lien de ton jeu du lien.",
  pasteButton: "Coller le lien de mon jeu du lien",
  pasteTitle: "Le lien de ton jeu du lien",
  pasteLabel: "Lien du jeu du lien (ou son token)",
  pasteInvalid:
    "Cela ne ressemble pas à un lien de jeu du lien. Copie le lien complet de ton jeu du lien depuis le tracker et colle-le.",
  disabledHere:
    "Les panneaux de vote sont désactivés sur ce serveur. Un admin peut les activer avec `/votes server enabled:true`.",
  closed_one: "{{count}} panneau de vote fermé.",
  closed_many: "{{count}} panneaux de vote fermés.",
  closed_other: "{{count}} panneaux de vote fermés.",
  noneOpen: "Tu n'as aucun panneau de vote ouvert sur ce serveur.",
  serverOn: "Les panneaux de vote sont maintenant activés sur ce serveur.",
  serverOff_one:
    "Les panneaux de vote sont maintenant désactivés sur ce serveur ; {{count}} panneau ouvert a été fermé.",
  serverOff_many:
    "Les panneaux de vote sont maintenant désactivés sur ce serveur ; {{count}} panneaux ouverts ont été fermés.",
  serverOff_other:
    "Les panneaux de vote sont maintenant désactivés sur ce serveur ; {{count}} panneaux ouverts ont été fermés.",
  needsManageServer:
    "Activer ou désactiver les panneaux de vote demande la permission Gérer le serveur.",
  serverOnly: "Les panneaux de vote vivent dans un salon de serveur : lance ceci sur le serveur.",

  ownPanel:
    "C'est ton propre panneau : tu ne peux pas voter sur ton propre verrou (le tracker le compterait comme une pénalité). Rien n'a été envoyé.",
  panelGone: "Ce panneau de vote est fermé.",
  onlyOwnerCloses: "Seul le membre qui a ouvert ce panneau peut le fermer.",
  cooldown: "Tu as déjà voté sur ce panneau. Tu pourras revoter {{at}}.",
  unlinkPanels_one: "{{count}} panneau de vote fermé et son token de jeu du lien oublié.",
  unlinkPanels_many: "{{count}} panneaux de vote fermés et leurs tokens de jeu du lien oubliés.",
  unlinkPanels_other: "{{count}} panneaux de vote fermés et leurs tokens de jeu du lien oubliés.",
};
