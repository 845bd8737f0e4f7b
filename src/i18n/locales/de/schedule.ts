/** Zeitplan nach Änderungsrate (siehe en/schedule.ts). */
export const schedule = {
  overloaded:
    "mehr Sessions, als das Budget alle 15 Intervalle lesen kann: jede wird trotzdem mindestens alle {{minutes}} Min. gelesen, die aktivsten öfter",
  overloadedSeconds:
    "mehr Sessions, als das Budget alle 15 Intervalle lesen kann: jede wird trotzdem mindestens alle {{seconds}} s gelesen, die aktivsten öfter",
};
