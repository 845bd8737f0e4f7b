/** `/play`, `/dom`, `/votes` y los paneles de votación. */
export const play = {
  gameDice: "Dados",
  gameLuck: "Suerte",
  gameLink: "Juego del enlace",
  added: "{{game}}: **{{amount}}** añadido.",
  removed: "{{game}}: **{{amount}}** quitado.",
  multiplier: "Multiplicador: ×{{value}}.",
  release: "Nueva liberación: {{at}} ({{relative}}).",
  noRelease: "El tracker no envió una nueva hora de liberación.",
  unknown:
    "Chastity Tracker no respondió a tiempo, así que no se sabe si contó. No se volvió a enviar: el historial de la sesión (y cualquier publicación de suscripción) lo mostrará.",
  notSent:
    "No se pudo contactar con Chastity Tracker, así que no se envió nada. Inténtalo de nuevo en un momento.",
  repeat:
    "Esto ya se había procesado, así que no se volvió a enviar nada. El historial de la sesión muestra el resultado.",
  refused: "Chastity Tracker lo rechazó: {{reason}}",
  refusedNoReason: "Chastity Tracker lo rechazó.",
  rateLimited: "Chastity Tracker está saturado, no cambió nada. Inténtalo de nuevo en un minuto.",
  relink: "Chastity Tracker ya no acepta tu token. Usa `/link` con uno nuevo.",
  noActiveSession:
    "No tienes ninguna sesión activa. Empieza una en el tracker o indica `session:` con su número.",
  typeRequired: "El juego del enlace necesita `type:` (add, sub o rand).",
  typeOnlyForLink: "`type:` solo es para el juego del enlace; omítelo para dados y suerte.",

  panelTitle: "Vota sobre el candado de {{nick}}",
  panelSession: "Sesión n.º {{session}}",
  panelRelease: "Liberación {{relative}}.",
  panelNoRelease: "Sin hora de liberación.",
  panelHow:
    "Pulsa un botón para añadir, quitar o dejarlo al azar. Un voto por miembro cada {{cooldown}}.",
  panelTally_one: "Últimas 24 h: {{count}} voto, neto {{net}}.",
  panelTally_many: "Últimas 24 h: {{count}} votos, neto {{net}}.",
  panelTally_other: "Últimas 24 h: {{count}} votos, neto {{net}}.",
  buttonAdd: "➕ Añadir tiempo",
  buttonSub: "➖ Quitar tiempo",
  buttonRand: "🎲 Al azar",
  buttonClose: "Cerrar",
  closedOwner: "Este panel de votación está cerrado.",
  closedEnded: "Este panel de votación se cerró solo: la sesión terminó.",
  closedToken:
    "Este panel de votación se cerró solo: el tracker ya no acepta su token del juego del enlace.",
  closedDisabled:
    "Este panel de votación está cerrado: los paneles de votación están desactivados en este servidor.",
  closedUnlinked: "Este panel de votación está cerrado: su dueño desvinculó su cuenta.",

  opened:
    "Panel de votación publicado en {{channel}}. Ciérralo con `/votes close` o con su botón Cerrar.",
  alreadyOpen: "Ya tienes un panel de votación abierto en {{channel}}.",
  noLinkGame:
    "No se pudo leer ningún enlace del juego del enlace en tus estadísticas del tracker. Si aún no activaste el juego del enlace, actívalo primero en los ajustes de juegos del tracker. Si ya está activo, pulsa el botón y pega el enlace de tu juego del enlace.",
  pasteButton: "Pegar el enlace de mi juego del enlace",
  pasteTitle: "El enlace de tu juego del enlace",
  pasteLabel: "Enlace del juego del enlace (o su token)",
  pasteInvalid:
    "Eso no parece un enlace del juego del enlace. Copia el enlace completo de tu juego del enlace desde el tracker y pégalo.",
  disabledHere:
    "Los paneles de votación están desactivados en este servidor. Un admin puede activarlos con `/votes server enabled:true`.",
  closed_one: "{{count}} panel de votación cerrado.",
  closed_many: "{{count}} paneles de votación cerrados.",
  closed_other: "{{count}} paneles de votación cerrados.",
  noneOpen: "No tienes ningún panel de votación abierto en este servidor.",
  serverOn: "Los paneles de votación ya están activados en este servidor.",
  serverOff_one:
    "Los paneles de votación ya están desactivados en este servidor; se cerró {{count}} panel abierto.",
  serverOff_many:
    "Los paneles de votación ya están desactivados en este servidor; se cerraron {{count}} paneles abiertos.",
  serverOff_other:
    "Los paneles de votación ya están desactivados en este servidor; se cerraron {{count}} paneles abiertos.",
  needsManageServer:
    "Activar o desactivar los paneles de votación requiere el permiso Gestionar servidor.",
  serverOnly: "Los paneles de votación viven en un canal de servidor: ejecuta esto en el servidor.",

  ownPanel:
    "Es tu propio panel: no puedes votar sobre tu propio candado (el tracker lo contaría como penalización). No se envió nada.",
  panelGone: "Este panel de votación está cerrado.",
  onlyOwnerCloses: "Solo el miembro que abrió este panel puede cerrarlo.",
  cooldown: "Ya votaste en este panel. Podrás volver a votar {{at}}.",
  unlinkPanels_one: "{{count}} panel de votación cerrado y su token del juego del enlace olvidado.",
  unlinkPanels_many:
    "{{count}} paneles de votación cerrados y sus tokens del juego del enlace olvidados.",
  unlinkPanels_other:
    "{{count}} paneles de votación cerrados y sus tokens del juego del enlace olvidados.",
};
