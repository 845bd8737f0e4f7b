/**
 * Every text a person reads goes through `t(locale, key, vars)`. The texts are
 * i18next JSON resources, one folder per language named as Discord names the
 * locale and one file per namespace (`locales/en-US/<namespace>.json`), read
 * once at start (src/i18n/load.ts); English is the source, the others fall back
 * to it key by key. i18next does the interpolation and the plurals
 * (Intl.PluralRules: keys `x_one`, `x_other`, ... chosen by `count`; every form
 * the language's Intl.PluralRules has, e.g. French and Spanish `_many`).
 * `npm run i18n:check` checks the folders (README "Translating").
 *
 * Keys and placeholders are typed from the English JSON (source.generated.ts):
 * a key English lacks, or a call without a placeholder the text needs, does
 * not compile.
 *
 * Which language: replies use `resolveLocale(interaction.locale)`; channel
 * posts and the bot's own DMs use `ctx.postLocale(guildId | null, userId)`
 * (src/i18n/postLocale.ts). Registration texts: the `commands` namespace, by
 * convention (src/discord/localizeCommand.ts).
 */
import { createI18n } from "./createI18n.js";
import { languages } from "./languages.js";
import type { Placeholders, Source } from "./source.generated.js";

type Languages = typeof languages;
export type Locale = Languages[number]["locale"];
type LocalesOf<T extends readonly { locale: string }[]> = {
  readonly [I in keyof T]: T[I]["locale"];
};
type Locales = LocalesOf<Languages>;

/** The languages the bot speaks, read from their folders when this module loads. */
export const shipped = createI18n(languages);

export const locales = shipped.locales as unknown as Locales;
export const catalogs = shipped.catalogs;

type PluralBase<K> = K extends `${infer B}_${"zero" | "one" | "two" | "few" | "many" | "other"}`
  ? B
  : K;
/** `namespace.key`, with plural keys named once without their `_one`/`_other` suffix. */
export type MessageKey = {
  [N in keyof Source & string]: `${N}.${PluralBase<keyof Source[N] & string>}`;
}[keyof Source & string];

export type MessageVars = Record<string, string | number>;

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;
/**
 * The vars argument for `key`: required with every placeholder the text has when
 * the key is one known string; any vars when the key is only known as one of several
 * (an error's key chosen at run time).
 */
export type VarsFor<K extends MessageKey> =
  true extends IsUnion<K>
    ? [vars?: MessageVars]
    : K extends keyof Placeholders
      ? [vars: MessageVars & Record<Placeholders[K], string | number>]
      : [vars?: MessageVars];

/** The text of `key` in `locale` (English where the translation is missing). */
export function t<K extends MessageKey>(locale: Locale, key: K, ...vars: VarsFor<K>): string {
  return shipped.t(locale, key, vars[0]);
}

/** A translator bound to one locale, for code that builds many strings. */
export type Translate = <K extends MessageKey>(key: K, ...vars: VarsFor<K>) => string;
export function translator(locale: Locale): Translate {
  return (key, ...vars) => shipped.t(locale, key, vars[0]);
}

/**
 * Discord's locale (`interaction.locale`, `guild.preferredLocale`: "de", "fr",
 * "es-ES", "es-419", "nl", "en-US", ...) to one of ours; anything else is English.
 */
export function resolveLocale(discordLocale: string | null | undefined): Locale {
  return shipped.resolveLocale(discordLocale);
}

/** Discord's locale keys for each of our languages but English (for `*_localizations` in registration). */
export const discordLocales = Object.fromEntries(
  languages.filter((l) => l.discord.length > 0).map((l) => [l.locale, l.discord]),
) as unknown as Record<Exclude<Locale, "en">, readonly string[]>;

/** `{ de: "...", fr: "...", "es-ES": "...", ... }` for a command's or option's description. */
export function localizations<K extends MessageKey>(
  key: K,
  ...vars: VarsFor<K>
): Record<string, string> {
  return shipped.localizations(key, vars[0]);
}
