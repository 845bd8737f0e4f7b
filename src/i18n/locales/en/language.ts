/** `/language`: the language of the bot's posts in a server. */
export const language = {
  name_en: "English",
  name_de: "German (Deutsch)",
  name_fr: "French (Français)",
  name_es: "Spanish (Español)",
  name_nl: "Dutch (Nederlands)",
  setTo:
    "Posts in this server are now in {{language}}. Replies to commands stay in each member's own Discord language.",
  reset: "Posts in this server now follow the server's Discord language again (now: {{language}}).",
  showOverride: "Posts in this server are in {{language}} (chosen with `/language set`).",
  showDefault:
    "Posts in this server are in {{language}}, the server's Discord language. Change it with `/language set`.",
} as const;
