export const duration = {
  days_one: "{{n}} jour",
  days_other: "{{n}} jours",
  days_many: "{{n}} jours",
  hours: "{{n}} h",
  minutes: "{{n}} min",
  seconds: "{{n}} s",
  unknown: "?",
};
