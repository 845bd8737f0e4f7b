export const language = {
  name_en: "Englisch (English)",
  name_de: "Deutsch",
  name_fr: "Französisch (Français)",
  name_es: "Spanisch (Español)",
  name_nl: "Niederländisch (Nederlands)",
  setTo:
    "Posts auf diesem Server sind jetzt auf {{language}}. Antworten auf Befehle bleiben in der Discord-Sprache jedes Mitglieds.",
  reset:
    "Posts auf diesem Server folgen wieder der Discord-Sprache des Servers (jetzt: {{language}}).",
  showOverride: "Posts auf diesem Server sind auf {{language}} (gewählt mit `/language set`).",
  showDefault:
    "Posts auf diesem Server sind auf {{language}}, der Discord-Sprache des Servers. Ändere sie mit `/language set`.",
};
