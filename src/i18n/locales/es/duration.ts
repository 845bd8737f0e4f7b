export const duration = {
  days_one: "{{n}} día",
  days_other: "{{n}} días",
  hours: "{{n}} h",
  minutes: "{{n}} min",
  seconds: "{{n}} s",
  unknown: "?",
};
