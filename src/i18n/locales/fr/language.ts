export const language = {
  name_en: "anglais (English)",
  name_de: "allemand (Deutsch)",
  name_fr: "français",
  name_es: "espagnol (Español)",
  name_nl: "néerlandais (Nederlands)",
  setTo:
    "Les publications sur ce serveur sont désormais en {{language}}. Les réponses aux commandes restent dans la langue Discord de chaque membre.",
  reset:
    "Les publications sur ce serveur suivent de nouveau la langue Discord du serveur (actuellement : {{language}}).",
  showOverride:
    "Les publications sur ce serveur sont en {{language}} (choisi avec `/language set`).",
  showDefault:
    "Les publications sur ce serveur sont en {{language}}, la langue Discord du serveur. Change-la avec `/language set`.",
};
