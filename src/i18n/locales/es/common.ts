export const common = {
  sessionNumber: "sesión {{session}}",
  activeSession: "sesión activa",
  days_one: "{{count}} día",
  days_other: "{{count}} días",
  days_many: "{{count}} días",
  sessionPositive: "La sesión debe ser un número positivo.",
  invalidOption: "La opción `{{option}}` tiene un valor que el bot no conoce.",
};
