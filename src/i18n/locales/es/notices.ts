export const notices = {
  theChannel: "el canal",
  tokenInvalid:
    "Tu token de API de Chastity Tracker ya no funciona (probablemente fue revocado o regenerado), así que pausé tus suscripciones. Crea un token nuevo en la página de tu perfil del tracker y ejecuta `/link` con él: tus suscripciones se reanudan y no se pierde nada de lo que pasó mientras tanto.",
  notLinked:
    "Tu cuenta de Chastity Tracker ya no está vinculada, así que pausé tus suscripciones. Ejecuta `/link` con un token de API de la página de tu perfil del tracker para reanudarlas.",
  missingPermissions:
    "Ya no puedo publicar tus novedades de Chastity Tracker en {{channel}}: me faltan permisos ahí. Dame Ver canal, Enviar mensajes e Insertar enlaces en ese canal y luego vuelve a ejecutar `/subscribe` ahí para reanudar; no se pierde nada.",
  missingAccess:
    "Ya no puedo ver {{channel}}, así que pausé tus novedades de Chastity Tracker para ese canal. Dame acceso a ese canal (Ver canal) y luego vuelve a ejecutar `/subscribe` ahí para reanudar; no se pierde nada.",
  threadClosed:
    "El hilo {{channel}} está archivado o bloqueado, así que pausé tus novedades de Chastity Tracker para él. Cuando un moderador lo reabra, vuelve a ejecutar `/subscribe` ahí para reanudar; no se pierde nada.",
  unknownChannel:
    "El canal {{channel}} ya no existe, así que pausé tus novedades de Chastity Tracker para él. Ejecuta `/subscribe` en otro canal para seguir recibiéndolas.",
};
