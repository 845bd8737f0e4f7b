/** Parts of a duration ("1 day 2 h 5 min 3 s"); `{{n}}` is the number formatted for the language. */
export const duration = {
  days_one: "{{n}} day",
  days_other: "{{n}} days",
  hours: "{{n}} h",
  minutes: "{{n}} min",
  seconds: "{{n}} s",
  unknown: "?",
} as const;
