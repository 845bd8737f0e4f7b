export const language = {
  name_en: "het Engels (English)",
  name_de: "het Duits (Deutsch)",
  name_fr: "het Frans (Français)",
  name_es: "het Spaans (Español)",
  name_nl: "het Nederlands",
  setTo:
    "Posts op deze server zijn nu in {{language}}. Antwoorden op commando's blijven in de Discord-taal van elk lid.",
  reset: "Posts op deze server volgen weer de Discord-taal van de server (nu: {{language}}).",
  showOverride: "Posts op deze server zijn in {{language}} (gekozen met `/language set`).",
  showDefault:
    "Posts op deze server zijn in {{language}}, de Discord-taal van de server. Wijzig dit met `/language set`.",
};
