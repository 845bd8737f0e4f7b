export const commands = {
  "link.description":
    "Lie ton compte Chastity Tracker avec un jeton d'API (demandé dans un formulaire privé)",
  "unlink.description": "Oublie ton jeton Chastity Tracker et arrête tous tes abonnements",

  "histories.description": "Affiche l'historique d'une de tes sessions Chastity Tracker",
  "histories.session.description": "Numéro de session (tape pour choisir parmi tes sessions)",
  "histories.type.description": "Seulement ce genre de changement",
  "histories.type.START": "début de session",
  "histories.type.ADD": "temps ajouté",
  "histories.type.SUB": "temps retiré",
  "histories.source.description": "Seulement les changements de cette source",
  "histories.source.DICE": "dés",
  "histories.source.LINK": "jeu de lien",
  "histories.source.LUCK": "chance",
  "histories.source.MANUAL": "manuel",
  "histories.source.PENALTY": "pénalité",
  "histories.source.DOM": "dom",
  "histories.dom.description": "Vrai : seulement les changements d'un·e dom ; faux : les autres",
  "histories.from.description":
    "Plus ancien changement : 2026-02-01, 2026-02-01 18:30 (UTC) ou un âge comme 24h, 7d",
  "histories.to.description": "Plus récent changement, mêmes formes que from",
  "histories.limit.description": "Éléments par page (1-25, 10 par défaut)",
  "histories.public.description": "Montrer la réponse à tout le salon (par défaut : à toi seul·e)",
  "histories.games.description":
    "Lister plutôt les changements des règles de jeu de la session (dés, lien, chance)",

  "subscribe.description":
    "Publie chaque nouveau changement de ta session (dés, pénalités, actions dom...) dans un salon",
  "subscribe.session.description":
    "Numéro de session ; laisse vide pour suivre ta session active, quelle qu'elle soit",
  "subscribe.channel.description": "Où publier (par défaut : ce salon)",
  "subscribe.type.description": "Seulement ce genre de changement",
  "subscribe.type.START": "début de session",
  "subscribe.type.ADD": "temps ajouté",
  "subscribe.type.SUB": "temps retiré",
  "subscribe.source.description": "Seulement les changements de cette source",
  "subscribe.source.DICE": "dés",
  "subscribe.source.LINK": "jeu de lien",
  "subscribe.source.LUCK": "chance",
  "subscribe.source.MANUAL": "manuel",
  "subscribe.source.PENALTY": "pénalité",
  "subscribe.source.DOM": "dom",
  "subscribe.dom.description": "Vrai : seulement les changements d'un·e dom ; faux : les autres",
  "subscribe.to.description": "Publier dans un salon (par défaut) ou dans ton MP avec le bot",
  "subscribe.to.channel": "salon",
  "subscribe.to.dm": "mes MP",
  "subscribe.games.description":
    "Publier aussi les changements des règles de jeu de la session (dés, lien, chance)",
  "subscribe.announce_end.description":
    "Publier aussi une fois à la fin de la session : sa durée, le temps ajouté et retiré",

  "unsubscribe.description": "Arrête les publications d'un abonnement",
  "unsubscribe.subscription.description": "Lequel (tape ; /subscriptions les liste)",
  "subscriptions.description":
    "Liste tes abonnements sur ce serveur (avec Gérer le serveur : ceux de tout le monde)",

  "chart.description": "Trace l'évolution de la date de libération d'une session",
  "chart.session.description":
    "Numéro de session (par défaut : ta session active, sinon la plus récente)",
  "chart.from.description":
    "Plus ancien changement : 2026-02-01, 2026-02-01 18:30 (UTC) ou un âge comme 24h, 7d",
  "chart.to.description": "Plus récent changement, mêmes formes que from",
  "chart.public.description": "Montrer le graphique à tout le salon (par défaut : à toi seul)",
  "stats.description": "Affiche tes statistiques Chastity Tracker avec un compteur de verrouillage",
  "stats.public.description": "Montrer tes statistiques à tout le salon (par défaut : à toi seul)",

  "roles.description":
    "Des rôles qui montrent qui est verrouillé, synchronisés avec Chastity Tracker",
  "roles.set.description":
    "Choisir le rôle d'une session active, et en option ceux sans session et des membres liés",
  "roles.set.locked.description": "Rôle donné tant que la session d'un membre est active",
  "roles.set.unlocked.description":
    "Rôle donné tant qu'un membre n'a aucune session active (optionnel)",
  "roles.set.linked.description":
    "Rôle donné à chaque membre qui a lié son compte et accepté (optionnel)",
  "roles.show.description":
    "Afficher les rôles configurés, le nombre de membres qui ont accepté et tout problème",
  "roles.off.description":
    "Arrêter la synchronisation des rôles sur ce serveur et retirer les rôles donnés par le bot",
  "rolesync.description":
    "Laisser le bot montrer ton état de verrouillage ici par des rôles, ou l'arrêter",
  "rolesync.enabled.description":
    "true : montrer mon état ici par des rôles ; false : arrêter et les retirer",

  "language.description": "La langue des publications du bot sur ce serveur",
  "language.set.description":
    "Choisir la langue des publications sur ce serveur (Gérer le serveur)",
  "language.set.locale.description":
    "La langue ; par défaut, celle réglée dans Discord pour le serveur",
  "language.set.locale.auto": "défaut du serveur (réglage Discord)",
  "language.set.locale.en": "Anglais (English)",
  "language.set.locale.de": "Allemand (Deutsch)",
  "language.set.locale.fr": "Français",
  "language.set.locale.es": "Espagnol (Español)",
  "language.set.locale.nl": "Néerlandais (Nederlands)",
  "language.show.description": "Affiche la langue des publications sur ce serveur",

  "privacy.description": "Voir tout ce que le bot conserve sur toi, et comment l'effacer",
  "privacy.json.description": "Joindre aussi le tout en fichier JSON à garder",
  "play.description": "Joue à ton propre jeu de dés ou de chance sur ta session",
  "play.game.description": "Quel jeu",
  "play.game.dice": "dés",
  "play.game.luck": "chance",
  "play.session.description": "Numéro de session (par défaut : ta session active)",
  "play.public.description": "Montrer le résultat à tout le salon (par défaut : à toi seul)",
  "votes.description": "Panneaux de vote du jeu du lien : laisse le serveur voter sur ton verrou",
  "votes.open.description": "Publier un panneau de vote pour le jeu du lien de ta session active",
  "votes.open.channel.description": "Où publier le panneau (par défaut : ce salon)",
  "votes.close.description": "Fermer tes panneaux de vote sur ce serveur",
  "votes.server.description":
    "Activer ou désactiver les panneaux de vote sur ce serveur (Gérer le serveur)",
  "votes.server.enabled.description":
    "true : les membres peuvent en publier ici ; false : aucun, et ferme ceux ouverts",
  "dom.description": "En tant que détenteur des clés, joue à un jeu sur la session de ta personne",
  "dom.game.description": "Quel jeu",
  "dom.game.dice": "dés",
  "dom.game.luck": "chance",
  "dom.game.link": "jeu du lien",
  "dom.session.description": "Le numéro de session de ta personne",
  "dom.type.description": "Jeu du lien seulement : ajouter, retirer du temps, ou au hasard",
  "dom.type.add": "ajouter",
  "dom.type.sub": "retirer",
  "dom.type.rand": "au hasard",
  "dom.public.description": "Montrer le résultat à tout le salon (par défaut : à toi seul)",
  "card.description":
    "Une carte d'état en direct de ta session, modifiée sur place à chaque changement",
  "card.post.description":
    "Publier la carte d'état d'une session (il faut un abonnement qui la suit)",
  "card.post.session.description": "Numéro de session ; laisse vide pour ta session active",
  "card.post.channel.description": "Quel salon (par défaut : ce salon)",
  "card.remove.description": "Retirer ta carte d'état",
  "card.remove.session.description": "Numéro de session ; laisse vide pour ta session active",
  "card.remove.channel.description": "Quel salon (par défaut : ce salon)",
  "leaderboard.description": "Le classement facultatif des temps d'enfermement du serveur",
  "leaderboard.show.description":
    "Afficher le classement des membres inscrits (ce mois-ci ou un mois passé)",
  "leaderboard.show.month.description": "Un mois passé au format AAAA-MM (par défaut : ce mois-ci)",
  "leaderboard.join.description":
    "Rejoindre le classement du serveur (tes temps sont lus et affichés ici)",
  "leaderboard.leave.description":
    "Quitter le classement du serveur (tes lignes sont supprimées aussitôt)",
  "leaderboard.server.description":
    "Activer ou désactiver le classement sur ce serveur (Gérer le serveur)",
  "leaderboard.server.enabled.description":
    "true : les membres peuvent rejoindre et voir ; false : pas de classement ici",
  "digest.description": "Un résumé hebdomadaire de ton verrouillage, publié une fois par semaine à l'heure choisie",
  "digest.set.description": "Publier ton résumé hebdomadaire dans un salon, un jour et une heure (UTC)",
  "digest.set.day.description": "Quel jour de la semaine",
  "digest.set.day.monday": "lundi",
  "digest.set.day.tuesday": "mardi",
  "digest.set.day.wednesday": "mercredi",
  "digest.set.day.thursday": "jeudi",
  "digest.set.day.friday": "vendredi",
  "digest.set.day.saturday": "samedi",
  "digest.set.day.sunday": "dimanche",
  "digest.set.hour.description": "Quelle heure, 0-23 (UTC)",
  "digest.set.channel.description": "Quel salon (par défaut : ce salon)",
  "digest.off.description": "Arrêter ton résumé hebdomadaire",
};
