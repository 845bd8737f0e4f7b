/**
 * Every text a person reads goes through `t(locale, key, vars)`. Catalogues are
 * TypeScript objects, one folder per language and one file per area
 * (`locales/en/<area>.ts`); `en` is the source, the others fall back to it key
 * by key. i18next does the interpolation and the plurals (Intl.PluralRules:
 * keys `x_one`, `x_other`, ... chosen by `count`; every form the language's
 * Intl.PluralRules has, e.g. French and Spanish `_many`).
 *
 * Which language: replies use `resolveLocale(interaction.locale)`; channel
 * posts and the bot's own DMs use `ctx.postLocale(guildId | null, userId)`
 * (src/discord/postLocale.ts). Registration texts: the `commands` area, by
 * convention (src/discord/localizeCommand.ts).
 */
import i18next, { type i18n } from "i18next";
import { de } from "./locales/de/index.js";
import { en } from "./locales/en/index.js";
import { es } from "./locales/es/index.js";
import { fr } from "./locales/fr/index.js";
import { nl } from "./locales/nl/index.js";

export const locales = ["en", "de", "fr", "es", "nl"] as const;
export type Locale = (typeof locales)[number];

export type Catalog = typeof en;
/** Other languages may lag behind `en` while being written; the catalogue test says what is missing. */
export type PartialCatalog = { [Area in keyof Catalog]?: { [K in keyof Catalog[Area]]?: string } };

export const catalogs: Record<Locale, PartialCatalog> = { en, de, fr, es, nl };

type PluralBase<K> = K extends `${infer B}_${"zero" | "one" | "two" | "few" | "many" | "other"}`
  ? B
  : K;
/** `area.key`, with plural keys named once without their `_one`/`_other` suffix. */
export type MessageKey = {
  [A in keyof Catalog & string]: `${A}.${PluralBase<keyof Catalog[A] & string>}`;
}[keyof Catalog & string];

export type MessageVars = Record<string, string | number>;

let instance: i18n | undefined;
function engine(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  void created.init({
    resources: Object.fromEntries(
      locales.map((locale) => [locale, { translation: catalogs[locale] }]),
    ),
    lng: "en",
    fallbackLng: "en",
    supportedLngs: [...locales],
    keySeparator: ".",
    nsSeparator: false,
    // Discord renders Markdown, not HTML: escaping is done where text is untrusted, not here.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instance = created;
  return created;
}

/** The text of `key` in `locale` (English where the translation is missing). */
export function t(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return engine().t(key, { lng: locale, ...vars });
}

/** A translator bound to one locale, for code that builds many strings. */
export type Translate = (key: MessageKey, vars?: MessageVars) => string;
export function translator(locale: Locale): Translate {
  return (key, vars) => t(locale, key, vars);
}

/**
 * Discord's locale (`interaction.locale`, `guild.preferredLocale`: "de", "fr",
 * "es-ES", "es-419", "nl", "en-US", ...) to one of ours; anything else is English.
 */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  const base = (discordLocale ?? "").toLowerCase().split("-")[0] ?? "";
  return (locales as readonly string[]).includes(base) ? (base as Locale) : "en";
}

/** Discord's locale keys for each of our languages (for `*_localizations` in registration). */
export const discordLocales: Record<Exclude<Locale, "en">, readonly string[]> = {
  de: ["de"],
  fr: ["fr"],
  es: ["es-ES", "es-419"],
  nl: ["nl"],
};

/** `{ de: "...", fr: "...", "es-ES": "...", ... }` for a command's or option's description. */
export function localizations(key: MessageKey, vars?: MessageVars): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [locale, keys] of Object.entries(discordLocales)) {
    const text = t(locale as Locale, key, vars);
    for (const k of keys) out[k] = text;
  }
  return out;
}
