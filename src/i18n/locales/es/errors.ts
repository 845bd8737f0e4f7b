export const errors = {
  relink:
    "Chastity Tracker ya no acepta tu token de API (fue revocado o regenerado). Crea un token nuevo en tu perfil del tracker y vuelve a ejecutar `/link`.",
  trackerDown: "Chastity Tracker no responde ahora mismo. Inténtalo de nuevo en unos minutos.",
  trackerRefused: "Chastity Tracker rechazó la solicitud: {{reason}}",
  trackerForbidden:
    "Chastity Tracker no te dejó ver eso. Comprueba el número de sesión: solo se pueden leer tus propias sesiones.",
  trackerRateLimit:
    "Chastity Tracker nos pide que vayamos más despacio. Inténtalo de nuevo en un minuto.",
  missingPermission:
    "Al bot le falta un permiso para esto. Pide a un admin del servidor que revise su rol y los permisos del canal.",
  unexpected:
    "Algo salió mal por nuestra parte. Si sigue pasando, da al admin del servidor este id de error: `{{errorId}}`.",
  notLinked:
    "Aún no has vinculado tu cuenta de Chastity Tracker. Ejecuta `/link` y pega un token de API de tu perfil del tracker.",
  unknownInteraction: "El bot ya no conoce este botón o comando.",
  needsManageServer: "Solo los miembros con el permiso Gestionar servidor pueden hacer esto.",
  serverOnly: "Este comando solo funciona en un servidor.",
};
