export const common = {
  sessionNumber: "sesión {{session}}",
  activeSession: "sesión activa",
  days_one: "{{count}} día",
  days_other: "{{count}} días",
  days_many: "{{count}} días",
};
