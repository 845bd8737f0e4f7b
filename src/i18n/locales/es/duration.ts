export const duration = {
  days_one: "{{n}} día",
  days_other: "{{n}} días",
  days_many: "{{n}} días",
  hours: "{{n}} h",
  minutes: "{{n}} min",
  seconds: "{{n}} s",
  unknown: "?",
};
