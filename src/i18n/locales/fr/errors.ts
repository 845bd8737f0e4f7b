export const errors = {
  relink:
    "Chastity Tracker n'accepte plus ton jeton d'API (il a été révoqué ou régénéré). Crée un nouveau jeton dans ton profil du tracker et relance `/link`.",
  trackerDown: "Chastity Tracker ne répond pas pour le moment. Réessaie dans quelques minutes.",
  trackerRefused: "Chastity Tracker a refusé la demande : {{reason}}",
  trackerForbidden:
    "Chastity Tracker ne t'a pas laissé voir cela. Vérifie le numéro de session : seules tes propres sessions sont lisibles.",
  trackerRateLimit: "Chastity Tracker nous demande de ralentir. Réessaie dans une minute.",
  missingPermission:
    "Il manque une permission au bot pour cela. Demande à un·e admin du serveur de vérifier son rôle et les permissions du salon.",
  unexpected:
    "Quelque chose s'est mal passé de notre côté. Si cela se reproduit, donne cet identifiant d'erreur à l'admin du serveur : `{{errorId}}`.",
  notLinked:
    "Tu n'as pas encore lié ton compte Chastity Tracker. Lance `/link` et colle un jeton d'API de ton profil du tracker.",
  unknownInteraction: "Le bot ne connaît plus ce bouton ou cette commande.",
  needsManageServer: "Seuls les membres avec la permission Gérer le serveur peuvent faire cela.",
  serverOnly: "Cette commande ne fonctionne que sur un serveur.",
};
