/** What a text's key and body say about it: its plural form and its `{{placeholders}}`. */

/** i18next's plural suffixes: Intl.PluralRules' categories, and `zero` (used for a count of 0). */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** `days_one` → `{ base: "days", form: "one" }`; a key without a plural suffix has no form. */
export function pluralOf(key: string): { base: string; form: string | undefined } {
  const match = pluralSuffix.exec(key);
  return match
    ? { base: key.slice(0, match.index), form: match[1] }
    : { base: key, form: undefined };
}

/** The plural forms a language needs (i18next picks them with the same Intl.PluralRules). */
export function pluralForms(locale: string): readonly string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

/** The placeholder names of a text, sorted and once each: `{{nick}}`, `{{count, number}}`, `{{- raw}}`. */
export function placeholdersOf(text: string): string[] {
  const names = [...text.matchAll(/\{\{-?\s*([^\s,}]+)[^}]*\}\}/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}
