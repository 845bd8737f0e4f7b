export const subscriptions = {
  pauseTokenInvalid: "ton jeton du tracker ne fonctionne plus : relance `/link`",
  pauseNotLinked: "tu n'es pas lié·e : lance `/link`",
  pauseMissingPermissions: "le bot n'a pas la permission d'y publier",
  pauseMissingAccess: "le bot ne voit pas ce salon",
  pauseUnknownChannel: "ce salon n'existe plus",
  pauseThreadClosed: "le fil est archivé ou verrouillé",
  paused: "en pause",
  targetActive:
    "les changements de ta session active, quelle qu'elle soit, seront publiés dans {{channel}}",
  targetSession: "les changements de la session {{session}} seront publiés dans {{channel}}",
  filterType: "type {{type}}",
  filterSource: "source {{source}}",
  domOnly: "dom seulement",
  notByDom: "pas par dom",
  everything: "tout",
  listSeparator: ", ",
  alreadyHave: "Tu as déjà cet abonnement (`{{id}}`) : {{where}}. Rien n'a changé.",
  memberLimit_one:
    "Tu as déjà {{count}} abonnement, le maximum que le bot de ce serveur autorise par membre ({{max}}). Supprimes-en un avec `/unsubscribe` d'abord.",
  memberLimit_many:
    "Tu as déjà {{count}} abonnements, le maximum que le bot de ce serveur autorise par membre ({{max}}). Supprimes-en un avec `/unsubscribe` d'abord.",
  memberLimit_other:
    "Tu as déjà {{count}} abonnements, le maximum que le bot de ce serveur autorise par membre ({{max}}). Supprimes-en un avec `/unsubscribe` d'abord.",
  guildLimit_one:
    "Ce serveur a déjà {{count}} abonnement, le maximum que son bot autorise ({{max}}). Demande à un admin de supprimer ceux qui ne servent plus.",
  guildLimit_many:
    "Ce serveur a déjà {{count}} abonnements, le maximum que son bot autorise ({{max}}). Demande à un admin de supprimer ceux qui ne servent plus.",
  guildLimit_other:
    "Ce serveur a déjà {{count}} abonnements, le maximum que son bot autorise ({{max}}). Demande à un admin de supprimer ceux qui ne servent plus.",
  resumedSubscription:
    "Abonnement `{{id}}` repris : {{where}}. Les changements faits pendant la pause seront publiés aussi.",
  subscribed:
    "Abonné·e (`{{id}}`) : {{where}}. Seuls les changements à partir de maintenant sont publiés.",
  alsoResumed: "Également repris dans ce salon : {{ids}}.",
  noActiveSession:
    "Tu n'as pas de session active en ce moment ; les publications commencent quand une session démarre.",
  howToStop:
    "Arrête-le quand tu veux avec `/unsubscribe` ; vois tous les tiens avec `/subscriptions`.",
  activeNone: "session active (aucune en ce moment)",
  activeCurrent: "session active (#{{session}})",
  statusPaused: "⏸️ en pause : {{reason}}",
  statusRetrying: "⏳ le tracker ne répond pas, nouvel essai {{when}}",
  statusActive: "✅ actif",
  lastPost: "dernière publication {{when}}",
  nothingPosted: "rien publié pour l'instant",
  byMember: "par {{member}}",
  noneInServer:
    "Il n'y a aucun abonnement sur ce serveur. Les membres en créent avec `/subscribe`.",
  noneYours: "Tu n'as aucun abonnement sur ce serveur. Crées-en un avec `/subscribe`.",
  titleServer: "Abonnements de ce serveur",
  titleYours: "Tes abonnements",
  footer_one: "{{count}} abonnement · supprimer avec /unsubscribe",
  footer_many: "{{count}} abonnements · supprimer avec /unsubscribe",
  footer_other: "{{count}} abonnements · supprimer avec /unsubscribe",
  notFound:
    "Aucun abonnement `{{id}}` à toi ici. Choisis-en un dans la liste en tapant, ou vois `/subscriptions`.",
  removed: "Abonnement `{{id}}` supprimé : plus de publications de sa part dans {{channel}}.",
  removedOthers:
    "Abonnement `{{id}}` (créé par {{member}}) supprimé : plus de publications de sa part dans {{channel}}.",
  labelChannel: "salon {{id}}",
  labelMember: "membre {{name}}",
  notPostable:
    "{{channel}} n'est ni un salon textuel, ni un salon d'annonces, ni un fil : rien ne peut y être publié.",
  memberCannotPost:
    "Tu ne peux pas publier toi-même dans {{channel}} (il manque : {{missing}}), donc tu ne peux pas t'y abonner.",
  botCannotPost:
    "Le bot ne peut pas publier dans {{channel}} : il lui manque {{missing}}. Demande à un admin du serveur d'accorder ces permissions au rôle du bot dans ce salon.",
  permViewChannel: "Voir le salon",
  permSendMessages: "Envoyer des messages",
  permSendMessagesInThreads: "Envoyer des messages dans les fils",
  permEmbedLinks: "Intégrer des liens",
};
