export const link = {
  modalTitle: "Vincular Chastity Tracker",
  tokenLabel: "Tu token de API",
  tokenPlaceholder: "Pega el token de tu perfil del tracker",
  whereToCreate:
    "Crea uno en chastitytracker.org: abre tu perfil, busca la sección de tokens de API, crea un token y cópialo (solo se muestra una vez).",
  tooShort: "Es demasiado corto para ser un token de API.",
  tooLong: "Es demasiado largo para ser un token de API.",
  hasSpaces: "Un token de API no tiene espacios.",
  invalid: "Token no válido.",
  refused:
    "Chastity Tracker no aceptó ese token. {{whereToCreate}} Luego vuelve a ejecutar `/link`.",
  linked: "Vinculado como **{{nick}}**.",
  replaced: "Tu token anterior fue reemplazado.",
  resumed_one: "{{count}} suscripción en pausa reanudada.",
  resumed_other: "{{count}} suscripciones en pausa reanudadas.",
  resumed_many: "{{count}} suscripciones en pausa reanudadas.",
  next: "Prueba `/histories` para ver una sesión, o `/subscribe` para que los cambios se publiquen en un canal.",
  unlinkNothing: "Nada que eliminar: no tenías ningún token vinculado ni suscripciones.",
  unlinkToken: "tu token del tracker cifrado y tu nick",
  unlinkSubscriptions_one: "{{count}} suscripción (ya no publicará nada)",
  unlinkSubscriptions_many: "{{count}} suscripciones (ya no publicarán nada)",
  unlinkSubscriptions_other: "{{count}} suscripciones (ya no publicarán nada)",
  unlinkSessions: "tu lista de sesiones en caché",
  unlinkRemoved:
    "Eliminado: {{what}}. No queda nada tuyo en la base de datos del bot. También puedes revocar el token en tu perfil del tracker.",
  unlinkRemovedKept:
    "Eliminado: {{what}}. Solo los ajustes de servidor de abajo te siguen nombrando (como el admin que los hizo). También puedes revocar el token en tu perfil del tracker.",
};
