/**
 * One set of languages read from their folders and served by one i18next
 * instance. The bot makes one at start from src/i18n/languages.ts (src/i18n/index.ts);
 * a test makes one with a language more to show that a folder plus a line is enough.
 */
import i18next from "i18next";
import type { Language } from "./languages.js";
import { folderPath, localesRoot, type Namespaces, readFolder } from "./load.js";

export type Vars = Record<string, string | number>;

export interface I18n<L extends string = string> {
  readonly languages: readonly Language[];
  readonly locales: readonly L[];
  /** Every language's texts: namespace, then key (what `localizeCommand` and the check read). */
  readonly catalogs: Readonly<Record<L, Namespaces>>;
  /** The text of `namespace.key` in `locale` (the source language's where the translation is missing). */
  t(locale: L, key: string, vars?: Vars): string;
  /** Discord's locale ("de", "es-419", "en-GB", ...) to one of ours; anything else is the source language. */
  resolveLocale(discordLocale: string | null | undefined): L;
  /** `{ de: "...", "es-ES": "...", "es-419": "...", ... }` for registration's `*_localizations`. */
  localizations(key: string, vars?: Vars): Record<string, string>;
}

export function createI18n<const T extends readonly Language[]>(
  list: T,
  root: string = localesRoot,
): I18n<T[number]["locale"]> {
  type L = T[number]["locale"];
  const source = list[0];
  if (source === undefined) throw new Error("createI18n needs at least the source language");
  const sourceLocale = source.locale as L;
  const locales = list.map((l) => l.locale as L);
  const catalogs = Object.fromEntries(
    list.map((l) => [l.locale, readFolder(folderPath(l.folder, root))]),
  ) as Record<L, Namespaces>;
  const engine = i18next.createInstance();
  void engine.init({
    resources: Object.fromEntries(locales.map((l) => [l, { translation: catalogs[l] }])),
    lng: sourceLocale,
    fallbackLng: sourceLocale,
    supportedLngs: [...locales],
    keySeparator: ".",
    nsSeparator: false,
    // Discord renders Markdown, not HTML: escaping is done where text is untrusted, not here.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  const t = (locale: L, key: string, vars?: Vars) => engine.t(key, { lng: locale, ...vars });
  const byDiscord = new Map(
    list.flatMap((l) => l.discord.map((d) => [d.toLowerCase(), l.locale as L])),
  );

  function resolveLocale(discordLocale: string | null | undefined): L {
    const wanted = (discordLocale ?? "").toLowerCase();
    const base = wanted.split("-")[0] ?? "";
    return byDiscord.get(wanted) ?? locales.find((l) => l === base) ?? sourceLocale;
  }

  function localizations(key: string, vars?: Vars): Record<string, string> {
    const out: Record<string, string> = {};
    for (const language of list) {
      const text = t(language.locale as L, key, vars);
      for (const d of language.discord) out[d] = text;
    }
    return out;
  }

  return { languages: list, locales, catalogs, t, resolveLocale, localizations };
}
