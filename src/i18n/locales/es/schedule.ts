/** Planificación según el ritmo de cambios (ver en/schedule.ts). */
export const schedule = {
  overloaded:
    "más sesiones de las que el presupuesto puede leer cada 15 intervalos: cada una se lee aun así al menos cada {{minutes}} min, las más activas más a menudo",
  overloadedSeconds:
    "más sesiones de las que el presupuesto puede leer cada 15 intervalos: cada una se lee aun así al menos cada {{seconds}} s, las más activas más a menudo",
};
