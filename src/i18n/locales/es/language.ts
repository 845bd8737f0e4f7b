export const language = {
  name_en: "inglés (English)",
  name_de: "alemán (Deutsch)",
  name_fr: "francés (Français)",
  name_es: "español",
  name_nl: "neerlandés (Nederlands)",
  setTo:
    "Las publicaciones en este servidor ahora están en {{language}}. Las respuestas a los comandos siguen en el idioma de Discord de cada miembro.",
  reset:
    "Las publicaciones en este servidor vuelven a seguir el idioma de Discord del servidor (ahora: {{language}}).",
  showOverride:
    "Las publicaciones en este servidor están en {{language}} (elegido con `/language set`).",
  showDefault:
    "Las publicaciones en este servidor están en {{language}}, el idioma de Discord del servidor. Cámbialo con `/language set`.",
};
