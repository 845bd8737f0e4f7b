/**
 * The rules of `npm run i18n:check`, each on one namespace file of one language
 * against the English one: keys, plural forms, placeholders, empty texts and
 * Discord's limits. src/i18n/check.ts reads the folders and runs them.
 */
import { commandName, commandNamesOf, limitFor } from "./discordLimits.js";
import { placeholdersOf, pluralForms, pluralOf } from "./keys.js";
import type { Language } from "./languages.js";
import type { Texts } from "./load.js";

export type Rule =
  | "json"
  | "namespace"
  | "missing-key"
  | "extra-key"
  | "plural-forms"
  | "placeholders"
  | "empty"
  | "discord-limit"
  | "command-name"
  | "types";

export interface Problem {
  file: string;
  key: string;
  rule: Rule;
  message: string;
}

/** What the rules need to know of the language a file belongs to. */
export interface Checked {
  language: Language;
}

/** The keys a language must have for a source namespace: plural keys in the language's own forms. */
export function expectedKeys(source: Texts, locale: string): string[] {
  const forms = pluralForms(locale);
  const out = new Set<string>();
  for (const key of Object.keys(source)) {
    const { base, form } = pluralOf(key);
    if (form === undefined) out.add(key);
    else for (const f of forms) out.add(`${base}_${f}`);
  }
  return [...out];
}

const pluralBasesOf = (source: Texts) =>
  new Set(Object.keys(source).flatMap((k) => (pluralOf(k).form ? [pluralOf(k).base] : [])));

/** Keys the language lacks (fine in a draft language: English is shown). */
export function missingKeys(
  source: Texts,
  theirs: Texts,
  folder: Checked,
  file: string,
): Problem[] {
  if (folder.language.draft) return [];
  const { locale } = folder.language;
  return expectedKeys(source, locale)
    .filter((key) => theirs[key] === undefined)
    .map((key): Problem => {
      const { form } = pluralOf(key);
      if (form === undefined) return { file, key, rule: "missing-key", message: "missing" };
      const forms = pluralForms(locale).join(", ");
      return { file, key, rule: "plural-forms", message: `missing (${locale} needs ${forms})` };
    });
}

/** Keys English does not have, and plural forms the language does not use. */
export function extraKeys(source: Texts, theirs: Texts, folder: Checked, file: string): Problem[] {
  const { locale } = folder.language;
  const bases = pluralBasesOf(source);
  // i18next's `_zero` (a count of 0) is allowed in every language.
  const allowed = new Set([...expectedKeys(source, locale), ...[...bases].map((b) => `${b}_zero`)]);
  return Object.keys(theirs)
    .filter((key) => !allowed.has(key))
    .map((key): Problem => {
      const { base, form } = pluralOf(key);
      if (form === undefined || !bases.has(base))
        return { file, key, rule: "extra-key", message: "not in the English source" };
      const forms = pluralForms(locale).join(", ");
      return {
        file,
        key,
        rule: "plural-forms",
        message: `${locale} has no "${form}" (only ${forms})`,
      };
    });
}

/** The English text a key is translated from (a plural form: English's `_other`). */
function sourceTextOf(source: Texts, key: string): string | undefined {
  const { base, form } = pluralOf(key);
  return source[key] ?? (form === undefined ? undefined : source[`${base}_other`]);
}

/** The same `{{placeholders}}` as English (`count` may be left out of a plural form). */
export function placeholderProblems(source: Texts, theirs: Texts, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [key, text] of Object.entries(theirs)) {
    const english = sourceTextOf(source, key);
    if (english === undefined) continue;
    const plural = pluralOf(key).form !== undefined;
    const names = (t: string) => placeholdersOf(t).filter((n) => !(plural && n === "count"));
    const want = names(english);
    const have = names(text);
    const lost = want.filter((n) => !have.includes(n));
    const unknown = have.filter((n) => !want.includes(n));
    if (lost.length === 0 && unknown.length === 0) continue;
    const parts = [
      ...(lost.length ? [`lost ${lost.map((n) => `{{${n}}}`).join(", ")}`] : []),
      ...(unknown.length ? [`unknown ${unknown.map((n) => `{{${n}}}`).join(", ")}`] : []),
    ];
    problems.push({ file, key, rule: "placeholders", message: parts.join("; ") });
  }
  return problems;
}

/** No empty texts, and Discord's length limits for the fields texts go into. */
export function textProblems(ns: string, texts: Texts, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const [key, text] of Object.entries(texts)) {
    if (text.trim() === "") {
      problems.push({ file, key, rule: "empty", message: "empty text" });
      continue;
    }
    const limit = limitFor(ns, key);
    if (limit && (text.length < limit.min || text.length > limit.max)) {
      const range = `${limit.min}-${limit.max}`;
      const message = `${limit.field}: ${text.length} characters, Discord allows ${range}`;
      problems.push({ file, key, rule: "discord-limit", message });
    }
  }
  return problems;
}

/** Registered names in the `commands` keys: 1-32 lowercase characters without spaces. */
export function commandNameProblems(commands: Texts, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(commands))
    for (const name of commandNamesOf(key))
      if (!commandName.test(name)) {
        const message = `"${name}" is not a Discord command or option name (1-32 lowercase, no spaces)`;
        problems.push({ file, key, rule: "command-name", message });
      }
  return problems;
}
