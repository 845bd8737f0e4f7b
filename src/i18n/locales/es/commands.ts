export const commands = {
  "link.description":
    "Vincula tu cuenta de Chastity Tracker con un token de API (pedido en un formulario privado)",
  "unlink.description": "Olvida tu token de Chastity Tracker y detiene todas tus suscripciones",

  "histories.description": "Muestra el historial de una de tus sesiones de Chastity Tracker",
  "histories.session.description": "Número de sesión (escribe para elegir entre tus sesiones)",
  "histories.type.description": "Solo este tipo de cambio",
  "histories.type.START": "inicio de sesión",
  "histories.type.ADD": "tiempo añadido",
  "histories.type.SUB": "tiempo quitado",
  "histories.source.description": "Solo cambios de este origen",
  "histories.source.DICE": "dados",
  "histories.source.LINK": "juego de enlace",
  "histories.source.LUCK": "suerte",
  "histories.source.MANUAL": "manual",
  "histories.source.PENALTY": "penalización",
  "histories.source.DOM": "dom",
  "histories.dom.description": "Verdadero: solo cambios de un dom; falso: solo los demás",
  "histories.from.description":
    "Cambio más antiguo: 2026-02-01, 2026-02-01 18:30 (UTC) o una edad como 24h, 7d",
  "histories.to.description": "Cambio más reciente, mismas formas que from",
  "histories.limit.description": "Elementos por página (1-25, por defecto 10)",
  "histories.public.description": "Mostrar la respuesta a todo el canal (por defecto: solo a ti)",
  "histories.games.description":
    "Listar en su lugar los cambios de las reglas de juego de la sesión (dados, enlace, suerte)",

  "subscribe.description":
    "Publica cada cambio nuevo de tu sesión (dados, penalizaciones, acciones dom...) en un canal",
  "subscribe.session.description":
    "Número de sesión; déjalo vacío para seguir la sesión que tengas activa",
  "subscribe.channel.description": "Dónde publicar (por defecto: este canal)",
  "subscribe.type.description": "Solo este tipo de cambio",
  "subscribe.type.START": "inicio de sesión",
  "subscribe.type.ADD": "tiempo añadido",
  "subscribe.type.SUB": "tiempo quitado",
  "subscribe.source.description": "Solo cambios de este origen",
  "subscribe.source.DICE": "dados",
  "subscribe.source.LINK": "juego de enlace",
  "subscribe.source.LUCK": "suerte",
  "subscribe.source.MANUAL": "manual",
  "subscribe.source.PENALTY": "penalización",
  "subscribe.source.DOM": "dom",
  "subscribe.dom.description": "Verdadero: solo cambios de un dom; falso: solo los demás",
  "subscribe.to.description": "Publicar en un canal (por defecto) o en tu MD con el bot",
  "subscribe.to.channel": "canal",
  "subscribe.to.dm": "mis MD",
  "subscribe.games.description":
    "Publicar también los cambios de las reglas de juego de la sesión (dados, enlace, suerte)",
  "subscribe.announce_end.description":
    "Publicar también una vez cuando la sesión termine: duración, tiempo añadido y quitado",

  "unsubscribe.description": "Detiene las publicaciones de una suscripción",
  "unsubscribe.subscription.description": "Cuál (escribe; /subscriptions las lista)",
  "subscriptions.description":
    "Lista tus suscripciones en este servidor (con Gestionar servidor: las de todos)",

  "chart.description": "Dibuja cómo se movió la fecha de liberación de una sesión",
  "chart.session.description":
    "Número de sesión (por defecto: tu sesión activa, si no la más reciente)",
  "chart.from.description":
    "Cambio más antiguo: 2026-02-01, 2026-02-01 18:30 (UTC) o una edad como 24h, 7d",
  "chart.to.description": "Cambio más reciente, mismas formas que from",
  "chart.public.description": "Mostrar el gráfico a todo el canal (por defecto: solo a ti)",
  "stats.description": "Muestra tus estadísticas de Chastity Tracker con un contador de cierre",
  "stats.public.description": "Mostrar tus estadísticas a todo el canal (por defecto: solo a ti)",

  "roles.description":
    "Roles que muestran quién está bloqueado, sincronizados con Chastity Tracker",
  "roles.set.description":
    "Elegir el rol de una sesión activa y, opcionalmente, el de sin sesión y el de miembros vinculados",
  "roles.set.locked.description": "Rol que se da mientras la sesión de un miembro está activa",
  "roles.set.unlocked.description":
    "Rol que se da mientras un miembro no tiene sesión activa (opcional)",
  "roles.set.linked.description":
    "Rol que se da a cada miembro que vinculó su cuenta y aceptó (opcional)",
  "roles.show.description":
    "Mostrar los roles configurados, cuántos miembros aceptaron y cualquier problema",
  "roles.off.description":
    "Detener la sincronización de roles en este servidor y quitar los roles que dio el bot",
  "rolesync.description":
    "Dejar que el bot muestre aquí tu estado de bloqueo con roles, o detenerlo",
  "rolesync.enabled.description":
    "true: mostrar mi estado aquí con roles; false: detenerlo y quitarlos",

  "language.description": "El idioma de las publicaciones del bot en este servidor",
  "language.set.description":
    "Elegir el idioma de las publicaciones en este servidor (Gestionar servidor)",
  "language.set.locale.description":
    "El idioma; por defecto, el configurado en Discord para el servidor",
  "language.set.locale.auto": "por defecto del servidor (ajuste de Discord)",
  "language.set.locale.en": "Inglés (English)",
  "language.set.locale.de": "Alemán (Deutsch)",
  "language.set.locale.fr": "Francés (Français)",
  "language.set.locale.es": "Español",
  "language.set.locale.nl": "Neerlandés (Nederlands)",
  "language.show.description": "Muestra el idioma de las publicaciones en este servidor",

  "privacy.description": "Mira todo lo que el bot guarda sobre ti y cómo borrarlo",
  "privacy.json.description": "Adjuntar también todo como archivo JSON para guardarlo",
  "play.description": "Juega tu propio juego de dados o de suerte en tu sesión",
  "play.game.description": "Qué juego",
  "play.game.dice": "dados",
  "play.game.luck": "suerte",
  "play.session.description": "Número de sesión (por defecto: tu sesión activa)",
  "play.public.description": "Mostrar el resultado a todo el canal (por defecto: solo a ti)",
  "votes.description":
    "Paneles de votación del juego del enlace: que el servidor vote sobre tu candado",
  "votes.open.description":
    "Publicar un panel de votación para el juego del enlace de tu sesión activa",
  "votes.open.channel.description": "Dónde publicar el panel (por defecto: este canal)",
  "votes.close.description": "Cerrar tus paneles de votación en este servidor",
  "votes.server.description":
    "Activar o desactivar los paneles de votación aquí (Gestionar servidor)",
  "votes.server.enabled.description":
    "true: los miembros pueden publicarlos aquí; false: ninguno, y cierra los abiertos",
  "dom.description": "Como keyholder, juega un juego en la sesión de tu persona",
  "dom.game.description": "Qué juego",
  "dom.game.dice": "dados",
  "dom.game.luck": "suerte",
  "dom.game.link": "juego del enlace",
  "dom.session.description": "El número de sesión de tu persona",
  "dom.type.description": "Solo juego del enlace: añadir tiempo, quitar tiempo o al azar",
  "dom.type.add": "añadir",
  "dom.type.sub": "quitar",
  "dom.type.rand": "al azar",
  "dom.public.description": "Mostrar el resultado a todo el canal (por defecto: solo a ti)",
  "card.description":
    "Una tarjeta de estado en vivo de tu sesión, editada en su sitio cuando cambia",
  "card.post.description":
    "Publicar la tarjeta de estado de una sesión (necesita una suscripción que la siga)",
  "card.post.session.description": "Número de sesión; déjalo vacío para tu sesión activa",
  "card.post.channel.description": "Qué canal (por defecto: este canal)",
  "card.remove.description": "Retirar tu tarjeta de estado",
  "card.remove.session.description": "Número de sesión; déjalo vacío para tu sesión activa",
  "card.remove.channel.description": "Qué canal (por defecto: este canal)",
  "leaderboard.description": "La clasificación voluntaria de tiempos de encierro del servidor",
  "leaderboard.show.description":
    "Mostrar la clasificación de quienes se unieron (este mes o uno pasado)",
  "leaderboard.show.month.description": "Un mes pasado como AAAA-MM (por defecto: este mes)",
  "leaderboard.join.description":
    "Unirte a la clasificación del servidor (tus tiempos se leen y se muestran aquí)",
  "leaderboard.leave.description":
    "Dejar la clasificación del servidor (tus filas se borran al instante)",
  "leaderboard.server.description":
    "Activar o desactivar la clasificación en este servidor (Gestionar servidor)",
  "leaderboard.server.enabled.description":
    "true: los miembros pueden unirse y verla; false: sin clasificación aquí",
  "digest.description": "Un resumen semanal de tu cierre, publicado una vez por semana a la hora que elijas",
  "digest.set.description": "Publicar tu resumen semanal en un canal un día y a una hora (UTC)",
  "digest.set.day.description": "Qué día de la semana",
  "digest.set.day.monday": "lunes",
  "digest.set.day.tuesday": "martes",
  "digest.set.day.wednesday": "miércoles",
  "digest.set.day.thursday": "jueves",
  "digest.set.day.friday": "viernes",
  "digest.set.day.saturday": "sábado",
  "digest.set.day.sunday": "domingo",
  "digest.set.hour.description": "Qué hora, 0-23 (UTC)",
  "digest.set.channel.description": "Qué canal (por defecto: este canal)",
  "digest.off.description": "Detener tu resumen semanal",
};
