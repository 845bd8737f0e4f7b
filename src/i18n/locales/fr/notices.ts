export const notices = {
  theChannel: "le salon",
  tokenInvalid:
    "Ton jeton d'API Chastity Tracker ne fonctionne plus (il a sans doute été révoqué ou régénéré), j'ai donc mis tes abonnements en pause. Crée un nouveau jeton sur la page de ton profil du tracker et lance `/link` avec : tes abonnements reprennent et rien de ce qui s'est passé entre-temps n'est perdu.",
  notLinked:
    "Ton compte Chastity Tracker n'est plus lié, j'ai donc mis tes abonnements en pause. Lance `/link` avec un jeton d'API de la page de ton profil du tracker pour les reprendre.",
  missingPermissions:
    "Je ne peux plus publier tes mises à jour Chastity Tracker dans {{channel}} : il me manque des permissions. Donne-moi Voir le salon, Envoyer des messages et Intégrer des liens dans ce salon, puis relance `/subscribe` là-bas pour reprendre ; rien n'est perdu.",
  missingAccess:
    "Je ne vois plus {{channel}}, j'ai donc mis en pause tes mises à jour Chastity Tracker pour ce salon. Donne-moi accès à ce salon (Voir le salon), puis relance `/subscribe` là-bas pour reprendre ; rien n'est perdu.",
  threadClosed:
    "Le fil {{channel}} est archivé ou verrouillé, j'ai donc mis en pause tes mises à jour Chastity Tracker pour ce fil. Dès qu'un·e modérateur·rice le rouvre, relance `/subscribe` là-bas pour reprendre ; rien n'est perdu.",
  unknownChannel:
    "Le salon {{channel}} n'existe plus, j'ai donc mis en pause tes mises à jour Chastity Tracker pour ce salon. Lance `/subscribe` dans un autre salon pour continuer à les recevoir.",
};
