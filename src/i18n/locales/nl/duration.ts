export const duration = {
  days_one: "{{n}} dag",
  days_other: "{{n}} dagen",
  hours: "{{n}} u",
  minutes: "{{n}} min",
  seconds: "{{n}} s",
  unknown: "?",
};
