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
};
