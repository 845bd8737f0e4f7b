export const privacy = {
  title: "**Lo que este bot guarda sobre ti**",
  accountHeading: "**Cuenta**",
  account:
    "Vinculado a Chastity Tracker como **{{nick}}** desde {{when}}. Tu token de API se guarda cifrado (id de clave `{{keyId}}`) y nunca se muestra.",
  accountNone: "Ninguna cuenta vinculada.",
  languageHeading: "**Idioma**",
  language: "Los MD del bot se escriben en {{language}}, el idioma de tu último comando.",
  languageNone: "Ninguno guardado.",
  subscriptionsHeading: "**Suscripciones ({{count}})**",
  whereDm: "tus MD con el bot",
  whereChannel: "{{channel}} en el servidor {{server}}",
  sessionActive: "tu sesión activa",
  roleSyncHeading: "**Consentimientos de sincronización de roles**",
  roleConsent_one: "Servidor {{server}}: aceptaste el {{when}}; {{count}} rol dado por el bot.",
  roleConsent_many: "Servidor {{server}}: aceptaste el {{when}}; {{count}} roles dados por el bot.",
  roleConsent_other:
    "Servidor {{server}}: aceptaste el {{when}}; {{count}} roles dados por el bot.",
  pendingHeading: "**Publicaciones pendientes de envío**",
  pending_one: "{{count}} mensaje para {{channel}} (suscripciones {{ids}})",
  pending_many: "{{count}} mensajes para {{channel}} (suscripciones {{ids}})",
  pending_other: "{{count}} mensajes para {{channel}} (suscripciones {{ids}})",
  pagingHeading: "**Botones de páginas**",
  paging_one:
    "{{count}} respuesta de `/histories` guarda tu nick y tus filtros para sus botones Más antiguo/Más reciente; se borra en 15 minutos.",
  paging_many:
    "{{count}} respuestas de `/histories` guardan tu nick y tus filtros para sus botones Más antiguo/Más reciente; se borran en 15 minutos.",
  paging_other:
    "{{count}} respuestas de `/histories` guardan tu nick y tus filtros para sus botones Más antiguo/Más reciente; se borran en 15 minutos.",
  settingsHeading: "**Ajustes de servidor que hiciste**",
  settingRoles: "Sincronización de roles en el servidor {{server}}, ajustada {{when}}",
  settingLanguage: "Idioma de las publicaciones en el servidor {{server}}, ajustado {{when}}",
  settingsKept:
    "Pertenecen al servidor y te nombran como el admin que los hizo; `/unlink` los conserva, otro admin puede cambiarlos.",
  panelsHeading: "**Paneles de votación que abriste**",
  panelOpen:
    "Abierto en {{channel}} para la sesión {{session}}, desde {{when}}. Su token de enlace público se guarda cifrado y nunca se muestra.",
  panelClosed:
    "Cerrado, estaba en {{channel}} para la sesión {{session}}, abierto {{when}}; se borra 48 horas después de abrirse.",
  playsHeading: "**Jugadas y votos**",
  plays_one:
    "{{count}} jugada o voto hecho con el bot (juego, sesión, resultado, fecha); se guarda 48 horas.",
  plays_many:
    "{{count}} jugadas o votos hechos con el bot (juego, sesión, resultado, fecha); se guardan 48 horas.",
  plays_other:
    "{{count}} jugadas o votos hechos con el bot (juego, sesión, resultado, fecha); se guardan 48 horas.",
  none: "Nada.",
  eraseHeading: "**Borrarlo**",
  erase: "`/unlink` borra todo lo anterior (salvo los ajustes de servidor) de una vez.",
  revoke:
    "Para revocar el token en sí, abre tu perfil en chastitytracker.org, busca los tokens de API y borra el que diste al bot.",
  jsonHint: "Ejecuta `/privacy json:true` para recibir todo esto como archivo.",
  jsonAttached: "Lo mismo va adjunto como archivo JSON.",
};
