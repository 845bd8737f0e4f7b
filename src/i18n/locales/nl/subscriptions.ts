export const subscriptions = {
  pauseTokenInvalid: "je trackertoken werkt niet meer: voer `/link` opnieuw uit",
  pauseNotLinked: "je bent niet gekoppeld: voer `/link` uit",
  pauseMissingPermissions: "de bot mag daar niet posten",
  pauseMissingAccess: "de bot kan dat kanaal niet zien",
  pauseUnknownChannel: "dat kanaal bestaat niet meer",
  pauseThreadClosed: "de thread is gearchiveerd of vergrendeld",
  paused: "gepauzeerd",
  targetActive: "wijzigingen van je actieve sessie, welke dat ook is, worden gepost in {{channel}}",
  targetSession: "wijzigingen van sessie {{session}} worden gepost in {{channel}}",
  filterType: "soort {{type}}",
  filterSource: "bron {{source}}",
  domOnly: "alleen dom",
  notByDom: "niet door dom",
  everything: "alles",
  listSeparator: ", ",
  alreadyHave: "Je hebt dit abonnement al (`{{id}}`): {{where}}. Er is niets veranderd.",
  memberLimit_one:
    "Je hebt al {{count}} abonnement, het maximum dat de bot van deze server per lid toestaat ({{max}}). Verwijder er eerst een met `/unsubscribe`.",
  memberLimit_other:
    "Je hebt al {{count}} abonnementen, het maximum dat de bot van deze server per lid toestaat ({{max}}). Verwijder er eerst een met `/unsubscribe`.",
  guildLimit_one:
    "Deze server heeft al {{count}} abonnement, het maximum dat zijn bot toestaat ({{max}}). Vraag een admin ongebruikte te verwijderen.",
  guildLimit_other:
    "Deze server heeft al {{count}} abonnementen, het maximum dat zijn bot toestaat ({{max}}). Vraag een admin ongebruikte te verwijderen.",
  resumedSubscription:
    "Abonnement `{{id}}` hervat: {{where}}. Wijzigingen tijdens de pauze worden ook geplaatst.",
  subscribed: "Geabonneerd (`{{id}}`): {{where}}. Alleen wijzigingen vanaf nu worden geplaatst.",
  alsoResumed: "Ook hervat in dat kanaal: {{ids}}.",
  noActiveSession: "Je hebt nu geen actieve sessie; er wordt geplaatst zodra er een begint.",
  howToStop:
    "Stop het wanneer je wilt met `/unsubscribe`; bekijk al de jouwe met `/subscriptions`.",
  activeNone: "actieve sessie (nu geen)",
  activeCurrent: "actieve sessie (#{{session}})",
  statusPaused: "⏸️ gepauzeerd: {{reason}}",
  statusRetrying: "⏳ tracker antwoordt niet, nieuwe poging {{when}}",
  statusActive: "✅ actief",
  lastPost: "laatste bericht {{when}}",
  nothingPosted: "nog niets geplaatst",
  byMember: "van {{member}}",
  noneInServer: "Er zijn geen abonnementen op deze server. Leden maken ze aan met `/subscribe`.",
  noneYours: "Je hebt geen abonnementen op deze server. Maak er een met `/subscribe`.",
  titleServer: "Abonnementen op deze server",
  titleYours: "Je abonnementen",
  footer_one: "{{count}} abonnement · verwijder er een met /unsubscribe",
  footer_other: "{{count}} abonnementen · verwijder er een met /unsubscribe",
  notFound:
    "Geen abonnement `{{id}}` van jou hier. Kies er een uit de lijst tijdens het typen, of bekijk `/subscriptions`.",
  removed: "Abonnement `{{id}}` verwijderd: geen berichten meer daarvan in {{channel}}.",
  removedOthers:
    "Abonnement `{{id}}` (gemaakt door {{member}}) verwijderd: geen berichten meer daarvan in {{channel}}.",
  labelChannel: "kanaal {{id}}",
  labelMember: "lid {{name}}",
  notPostable:
    "{{channel}} is geen tekstkanaal, aankondigingskanaal of thread, dus daar kan niets geplaatst worden.",
  memberCannotPost:
    "Je kunt zelf niet in {{channel}} plaatsen (ontbreekt: {{missing}}), dus je kunt je er niet op abonneren.",
  botCannotPost:
    "De bot kan niet in {{channel}} plaatsen: hij mist {{missing}}. Vraag een serveradmin deze rechten aan de rol van de bot in dat kanaal te geven.",
  permViewChannel: "Kanaal bekijken",
  permSendMessages: "Berichten verzenden",
  permSendMessagesInThreads: "Berichten verzenden in threads",
  permEmbedLinks: "Links insluiten",
};
