export const duration = {
  days_one: "{{n}} jour",
  days_other: "{{n}} jours",
  hours: "{{n}} h",
  minutes: "{{n}} min",
  seconds: "{{n}} s",
  unknown: "?",
};
