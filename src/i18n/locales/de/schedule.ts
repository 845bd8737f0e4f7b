/** Zeitplan nach Änderungsrate (siehe en/schedule.ts). */
export const schedule = {
  overloaded:
    "mehr Sessions, als das Budget alle 15 Intervalle lesen kann: die aktivsten werden am häufigsten gelesen",
};
