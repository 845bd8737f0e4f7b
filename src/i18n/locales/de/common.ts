export const common = {
  sessionNumber: "Session {{session}}",
  activeSession: "aktive Session",
  days_one: "{{count}} Tag",
  days_other: "{{count}} Tage",
  sessionPositive: "Die Session muss eine positive Zahl sein.",
  invalidOption: "Die Option `{{option}}` hat einen Wert, den der Bot nicht kennt.",
};
