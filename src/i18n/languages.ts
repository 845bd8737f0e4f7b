/**
 * The languages the bot speaks, one line each: adding a language is its folder
 * under `locales/` plus one line here (README "Translating").
 *
 * `locale` is our own short code: it is what the database stores per server and
 * member and what the code passes around, so it stays "en", "de", ... even where
 * the folder is named as Discord names the locale ("en-US", "es-ES"); this list
 * is the one place that maps the two.
 */
export interface Language {
  /** Our code for the language (stored, passed to `t`). */
  readonly locale: string;
  /** Its folder under `locales/`, named as Discord names the locale (a path outside is allowed). */
  readonly folder: string;
  /**
   * Discord's locale names that get this language in `*_localizations` at registration
   * and in replies. English has none: it is the definitions' own text.
   */
  readonly discord: readonly string[];
  /** Still being translated: a missing key shows English instead of failing `npm run i18n:check`. */
  readonly draft?: boolean;
}

export const languages = [
  { locale: "en", folder: "en-US", discord: [] },
  { locale: "de", folder: "de", discord: ["de"] },
  { locale: "fr", folder: "fr", discord: ["fr"] },
  { locale: "es", folder: "es-ES", discord: ["es-ES", "es-419"] },
  { locale: "nl", folder: "nl", discord: ["nl"] },
] as const satisfies readonly Language[];

/** The source language: every other one is checked against it and falls back to it. */
export const sourceLanguage = languages[0];
