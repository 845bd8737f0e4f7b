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
};
