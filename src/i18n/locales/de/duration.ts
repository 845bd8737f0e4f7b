export const duration = {
  days_one: "{{n}} Tag",
  days_other: "{{n}} Tage",
  hours: "{{n}} Std.",
  minutes: "{{n}} Min.",
  seconds: "{{n}} s",
  unknown: "?",
};
