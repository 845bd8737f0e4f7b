export const subscriptions = {
  pauseTokenInvalid: "dein Tracker-Token funktioniert nicht mehr: führe `/link` erneut aus",
  pauseNotLinked: "du bist nicht verknüpft: führe `/link` aus",
  pauseMissingPermissions: "dem Bot fehlt die Berechtigung, dort zu posten",
  pauseMissingAccess: "der Bot kann diesen Kanal nicht sehen",
  pauseUnknownChannel: "dieser Kanal existiert nicht mehr",
  pauseThreadClosed: "der Thread ist archiviert oder gesperrt",
  paused: "pausiert",
  targetActive: "Änderungen deiner jeweils aktiven Session werden in {{channel}} gepostet",
  targetSession: "Änderungen von Session {{session}} werden in {{channel}} gepostet",
  filterType: "Art {{type}}",
  filterSource: "Quelle {{source}}",
  domOnly: "nur Dom",
  notByDom: "nicht von Dom",
  everything: "alles",
  listSeparator: ", ",
  alreadyHave: "Du hast dieses Abo schon (`{{id}}`): {{where}}. Nichts geändert.",
  memberLimit_one:
    "Du hast schon {{count}} Abo, das Maximum, das der Bot dieses Servers pro Mitglied erlaubt ({{max}}). Entferne zuerst eines mit `/unsubscribe`.",
  memberLimit_other:
    "Du hast schon {{count}} Abos, das Maximum, das der Bot dieses Servers pro Mitglied erlaubt ({{max}}). Entferne zuerst eines mit `/unsubscribe`.",
  guildLimit_one:
    "Dieser Server hat schon {{count}} Abo, das Maximum, das sein Bot erlaubt ({{max}}). Bitte einen Admin, ungenutzte zu entfernen.",
  guildLimit_other:
    "Dieser Server hat schon {{count}} Abos, das Maximum, das sein Bot erlaubt ({{max}}). Bitte einen Admin, ungenutzte zu entfernen.",
  resumedSubscription:
    "Abo `{{id}}` wieder aufgenommen: {{where}}. Änderungen aus der Pause werden auch gepostet.",
  subscribed: "Abonniert (`{{id}}`): {{where}}. Nur Änderungen ab jetzt werden gepostet.",
  alsoResumed: "In diesem Kanal ebenfalls wieder aufgenommen: {{ids}}.",
  noActiveSession: "Du hast gerade keine aktive Session; gepostet wird, sobald eine beginnt.",
  howToStop:
    "Beende es jederzeit mit `/unsubscribe`; alle deine Abos siehst du mit `/subscriptions`.",
  activeNone: "aktive Session (gerade keine)",
  activeCurrent: "aktive Session (#{{session}})",
  statusPaused: "⏸️ pausiert: {{reason}}",
  statusRetrying: "⏳ Tracker antwortet nicht, neuer Versuch {{when}}",
  statusActive: "✅ aktiv",
  lastPost: "letzter Post {{when}}",
  nothingPosted: "noch nichts gepostet",
  byMember: "von {{member}}",
  noneInServer: "Auf diesem Server gibt es keine Abos. Mitglieder legen sie mit `/subscribe` an.",
  noneYours: "Du hast auf diesem Server keine Abos. Lege eines mit `/subscribe` an.",
  titleServer: "Abos auf diesem Server",
  titleYours: "Deine Abos",
  footer_one: "{{count}} Abo · entfernen mit /unsubscribe",
  footer_other: "{{count}} Abos · entfernen mit /unsubscribe",
  notFound:
    "Kein Abo `{{id}}` von dir hier. Wähle beim Tippen eines aus der Liste oder sieh in `/subscriptions` nach.",
  removed: "Abo `{{id}}` entfernt: keine Posts mehr davon in {{channel}}.",
  removedOthers: "Abo `{{id}}` (von {{member}}) entfernt: keine Posts mehr davon in {{channel}}.",
  labelChannel: "Kanal {{id}}",
  labelMember: "Mitglied {{name}}",
  notPostable:
    "{{channel}} ist kein Text-, Ankündigungskanal oder Thread, dort kann nichts gepostet werden.",
  memberCannotPost:
    "Du kannst in {{channel}} selbst nicht posten (es fehlt: {{missing}}), also kannst du ihn nicht abonnieren.",
  botCannotPost:
    "Der Bot kann in {{channel}} nicht posten: Ihm fehlt {{missing}}. Bitte einen Server-Admin, der Rolle des Bots diese Rechte in dem Kanal zu geben.",
  permViewChannel: "Kanal ansehen",
  permSendMessages: "Nachrichten senden",
  permSendMessagesInThreads: "Nachrichten in Threads senden",
  permEmbedLinks: "Links einbetten",
};
