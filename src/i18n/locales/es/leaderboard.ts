/** The opt-in server leaderboard (`/leaderboard`). */
export const leaderboard = {
  title: "🏆 Clasificación · {{month}}",
  line: "**{{rank}}.** {{nick}} · encerrado/a este mes **{{month}}** · añadido por otros {{others}} · {{now}}",
  lockedNow: "encerrado/a desde {{since}}",
  notLocked: "no encerrado/a ahora",
  empty: "Nadie se ha unido aún: `/leaderboard join`.",
  footer:
    "Solo se muestran los miembros que se unieron; las cifras se leen como mucho cada 10 minutos.",
  serverOnly: "La clasificación pertenece a un servidor: úsala en uno.",
  needsManage: "Activar o desactivar la clasificación requiere Gestionar servidor.",
  turnedOn: "La clasificación está activada en este servidor.",
  turnedOff:
    "La clasificación está desactivada en este servidor; aquí no se lee ni se muestra nada.",
  left: "Has dejado la clasificación de este servidor; tus filas aquí se han borrado.",
  notJoined: "No te habías unido a la clasificación de este servidor.",
  off: "La clasificación está desactivada en este servidor.",
  joined:
    "Te has unido a la clasificación de este servidor: tu tiempo encerrado/a este mes, tu encierro actual y el tiempo que añadieron otros se leen del tracker y se muestran aquí. `/leaderboard leave` lo termina.",
  badMonth: "`{{month}}` no es un mes: escríbelo como AAAA-MM, p. ej. 2026-10.",
  privacyHeading: "**Clasificaciones**",
  privacyMember: "Te uniste a la clasificación del servidor {{server}} el {{when}}",
  privacyMonths_one:
    "{{count}} mes de cifras guardado (tiempo encerrado/a, tiempo añadido por otros, tu nick)",
  privacyMonths_many:
    "{{count}} meses de cifras guardados (tiempo encerrado/a, tiempo añadido por otros, tu nick)",
  privacyMonths_other:
    "{{count}} meses de cifras guardados (tiempo encerrado/a, tiempo añadido por otros, tu nick)",
} as const;
