/** Planification selon le rythme des changements (voir en/schedule.ts). */
export const schedule = {
  overloaded:
    "plus de sessions que le budget ne peut en lire toutes les 15 intervalles : chacune est tout de même lue au moins toutes les {{minutes}} min, les plus actives plus souvent",
  overloadedSeconds:
    "plus de sessions que le budget ne peut en lire toutes les 15 intervalles : chacune est tout de même lue au moins toutes les {{seconds}} s, les plus actives plus souvent",
};
