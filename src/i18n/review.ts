/**
 * Every text of one language next to English, for a native speaker to read
 * (`npm run i18n:review -- de`). Missing translations (English would be
 * shown) are marked; `onlyMissing` lists only those.
 */
import { type Catalog, catalogs, type Locale } from "./index.js";

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

export function reviewText(locale: Exclude<Locale, "en">, onlyMissing = false): string {
  const en = catalogs.en as Catalog;
  const theirs = catalogs[locale] as Record<string, Record<string, string> | undefined>;
  let total = 0;
  let missing = 0;
  const out: string[] = [];
  for (const [area, keys] of Object.entries(en)) {
    out.push(`\n=== ${area} ===`);
    const english = keys as Record<string, string>;
    // English's keys plus the language's own plural forms (French has "many", English does not).
    const names = [
      ...new Set([
        ...Object.keys(english),
        ...Object.keys(theirs[area] ?? {}).filter((k) => pluralSuffix.test(k)),
      ]),
    ];
    for (const key of names) {
      const source = english[key] ?? english[`${key.replace(pluralSuffix, "")}_other`] ?? "";
      const text = theirs[area]?.[key];
      total += 1;
      if (text === undefined) missing += 1;
      if (onlyMissing && text !== undefined) continue;
      out.push(
        `\n${area}.${key}`,
        `  en: ${source}`,
        `  ${locale}: ${text ?? "(MISSING: English is shown)"}`,
      );
    }
  }
  return `${out.join("\n")}\n\n${total} texts, ${missing} missing in ${locale}.\n`;
}
