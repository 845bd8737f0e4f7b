/** Planificación según el ritmo de cambios (ver en/schedule.ts). */
export const schedule = {
  overloaded:
    "más sesiones de las que el presupuesto puede leer cada 15 intervalos: las más activas se leen más a menudo",
};
