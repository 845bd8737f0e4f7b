/**
 * Every text of one language next to English, for a native speaker to read
 * (`npm run i18n:review -- de`). Missing translations (English would be
 * shown) are marked; `onlyMissing` lists only those.
 */
import { expectedKeys } from "./check.js";
import { catalogs, type Locale } from "./index.js";
import { pluralOf } from "./keys.js";

export function reviewText(locale: Exclude<Locale, "en">, onlyMissing = false): string {
  let total = 0;
  let missing = 0;
  const out: string[] = [];
  for (const [ns, english] of Object.entries(catalogs.en)) {
    out.push(`\n=== ${ns} ===`);
    // English's keys in the language's own plural forms (French has "many", English does not).
    for (const key of expectedKeys(english, locale)) {
      const source = english[key] ?? english[`${pluralOf(key).base}_other`] ?? "";
      const text = catalogs[locale][ns]?.[key];
      total += 1;
      if (text === undefined) missing += 1;
      if (onlyMissing && text !== undefined) continue;
      out.push(
        `\n${ns}.${key}`,
        `  en: ${source}`,
        `  ${locale}: ${text ?? "(MISSING: English is shown)"}`,
      );
    }
  }
  return `${out.join("\n")}\n\n${total} texts, ${missing} missing in ${locale}.\n`;
}
