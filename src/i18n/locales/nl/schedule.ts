/** Planning naar wijzigingstempo (zie en/schedule.ts). */
export const schedule = {
  overloaded:
    "meer sessies dan het budget elke 15 intervallen kan lezen: elke sessie wordt toch minstens elke {{minutes}} min gelezen, de drukste vaker",
  overloadedSeconds:
    "meer sessies dan het budget elke 15 intervallen kan lezen: elke sessie wordt toch minstens elke {{seconds}} s gelezen, de drukste vaker",
};
