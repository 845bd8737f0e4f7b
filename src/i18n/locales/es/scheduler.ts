/** Scheduler texts (see en/scheduler.ts). */
export const scheduler = {
  checkedEvery_one:
    "se comprueba cada {{minutes}} min aprox.: el presupuesto de peticiones al tracker lo comparte {{count}} sesión",
  checkedEvery_other:
    "se comprueba cada {{minutes}} min aprox.: el presupuesto de peticiones al tracker lo comparten {{count}} sesiones",
  checkedEvery_many:
    "se comprueba cada {{minutes}} min aprox.: el presupuesto de peticiones al tracker lo comparten {{count}} sesiones",
  checkedEverySeconds_one:
    "se comprueba cada {{seconds}} s aprox.: el presupuesto de peticiones al tracker lo comparte {{count}} sesión",
  checkedEverySeconds_other:
    "se comprueba cada {{seconds}} s aprox.: el presupuesto de peticiones al tracker lo comparten {{count}} sesiones",
  checkedEverySeconds_many:
    "se comprueba cada {{seconds}} s aprox.: el presupuesto de peticiones al tracker lo comparten {{count}} sesiones",
};
