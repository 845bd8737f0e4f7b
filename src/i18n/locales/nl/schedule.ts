/** Planning naar wijzigingstempo (zie en/schedule.ts). */
export const schedule = {
  overloaded:
    "meer sessies dan het budget elke 15 intervallen kan lezen: de drukste worden het vaakst gelezen",
};
