/** Planification selon le rythme des changements (voir en/schedule.ts). */
export const schedule = {
  overloaded:
    "plus de sessions que le budget ne peut en lire toutes les 15 intervalles : les plus actives sont lues le plus souvent",
};
