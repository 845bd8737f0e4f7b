export const subscriptions = {
  pauseTokenInvalid: "tu token del tracker dejó de funcionar: vuelve a ejecutar `/link`",
  pauseNotLinked: "no estás vinculado: ejecuta `/link`",
  pauseMissingPermissions: "el bot no tiene permiso para publicar ahí",
  pauseMissingAccess: "el bot no puede ver ese canal",
  pauseUnknownChannel: "ese canal ya no existe",
  pauseThreadClosed: "el hilo está archivado o bloqueado",
  paused: "en pausa",
  targetActive: "los cambios de la sesión que tengas activa se publicarán en {{channel}}",
  targetSession: "los cambios de la sesión {{session}} se publicarán en {{channel}}",
  filterType: "tipo {{type}}",
  filterSource: "origen {{source}}",
  domOnly: "solo dom",
  notByDom: "no por dom",
  everything: "todo",
  listSeparator: ", ",
  alreadyHave: "Ya tienes esta suscripción (`{{id}}`): {{where}}. No ha cambiado nada.",
  memberLimit_one:
    "Ya tienes {{count}} suscripción, el máximo que el bot de este servidor permite por miembro ({{max}}). Elimina una con `/unsubscribe` primero.",
  memberLimit_many:
    "Ya tienes {{count}} suscripciones, el máximo que el bot de este servidor permite por miembro ({{max}}). Elimina una con `/unsubscribe` primero.",
  memberLimit_other:
    "Ya tienes {{count}} suscripciones, el máximo que el bot de este servidor permite por miembro ({{max}}). Elimina una con `/unsubscribe` primero.",
  guildLimit_one:
    "Este servidor ya tiene {{count}} suscripción, el máximo que su bot permite ({{max}}). Pide a un admin que elimine las que no se usen.",
  guildLimit_many:
    "Este servidor ya tiene {{count}} suscripciones, el máximo que su bot permite ({{max}}). Pide a un admin que elimine las que no se usen.",
  guildLimit_other:
    "Este servidor ya tiene {{count}} suscripciones, el máximo que su bot permite ({{max}}). Pide a un admin que elimine las que no se usen.",
  resumedSubscription:
    "Suscripción `{{id}}` reanudada: {{where}}. Los cambios hechos durante la pausa también se publicarán.",
  subscribed: "Suscrito (`{{id}}`): {{where}}. Solo se publican los cambios a partir de ahora.",
  alsoResumed: "También reanudadas en ese canal: {{ids}}.",
  noActiveSession:
    "Ahora mismo no tienes ninguna sesión activa; se empezará a publicar cuando empiece una.",
  howToStop: "Detenla cuando quieras con `/unsubscribe`; ve todas las tuyas con `/subscriptions`.",
  activeNone: "sesión activa (ninguna ahora mismo)",
  activeCurrent: "sesión activa (#{{session}})",
  statusPaused: "⏸️ en pausa: {{reason}}",
  statusRetrying: "⏳ el tracker no responde, reintento {{when}}",
  statusActive: "✅ activa",
  lastPost: "última publicación {{when}}",
  nothingPosted: "nada publicado todavía",
  byMember: "de {{member}}",
  noneInServer: "No hay suscripciones en este servidor. Los miembros las crean con `/subscribe`.",
  noneYours: "No tienes suscripciones en este servidor. Crea una con `/subscribe`.",
  titleServer: "Suscripciones de este servidor",
  titleYours: "Tus suscripciones",
  footer_one: "{{count}} suscripción · elimina una con /unsubscribe",
  footer_many: "{{count}} suscripciones · elimina una con /unsubscribe",
  footer_other: "{{count}} suscripciones · elimina una con /unsubscribe",
  notFound:
    "No tienes ninguna suscripción `{{id}}` aquí. Elige una de la lista mientras escribes, o mira `/subscriptions`.",
  removed: "Suscripción `{{id}}` eliminada: ya no publicará en {{channel}}.",
  removedOthers:
    "Suscripción `{{id}}` (creada por {{member}}) eliminada: ya no publicará en {{channel}}.",
  labelChannel: "canal {{id}}",
  labelMember: "miembro {{name}}",
  notPostable:
    "{{channel}} no es un canal de texto, de anuncios ni un hilo, así que ahí no se puede publicar nada.",
  memberCannotPost:
    "Tú no puedes publicar en {{channel}} (falta: {{missing}}), así que no puedes suscribirlo.",
  botCannotPost:
    "El bot no puede publicar en {{channel}}: le falta {{missing}}. Pide a un admin del servidor que conceda estos permisos al rol del bot en ese canal.",
  permViewChannel: "Ver canal",
  permSendMessages: "Enviar mensajes",
  permSendMessagesInThreads: "Enviar mensajes en hilos",
  permEmbedLinks: "Insertar enlaces",
};
