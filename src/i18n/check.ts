/**
 * `npm run i18n:check`: every language's folder against the English source.
 * Each problem names the file, the key and the rule it breaks (README "Translating").
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { commandName, commandNamesOf, limitFor } from "./discordLimits.js";
import { typesFile, typesText } from "./generateTypes.js";
import { placeholdersOf, pluralForms, pluralOf } from "./keys.js";
import type { Language } from "./languages.js";
import { folderPath, localesRoot, namespacesIn, readNamespace, type Texts } from "./load.js";

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

export interface Folder {
  language: Language;
  dir: string;
  /** Namespaces that could be read; the others are `json` problems. */
  namespaces: Map<string, Texts>;
  problems: Problem[];
}

const shown = (file: string) => relative(process.cwd(), file) || file;

/** A language's folder, read without stopping at the first broken file. */
export function readLanguage(language: Language, root = localesRoot): Folder {
  const dir = folderPath(language.folder, root);
  const folder: Folder = { language, dir, namespaces: new Map(), problems: [] };
  if (!existsSync(dir)) {
    folder.problems.push({
      file: shown(dir),
      key: "",
      rule: "namespace",
      message: "folder missing",
    });
    return folder;
  }
  for (const ns of namespacesIn(dir)) {
    try {
      folder.namespaces.set(ns, readNamespace(join(dir, `${ns}.json`)));
    } catch (error) {
      const message = (error as Error).message.replace(/^.*?\.json: /, "");
      folder.problems.push({
        file: shown(join(dir, `${ns}.json`)),
        key: "",
        rule: "json",
        message,
      });
    }
  }
  return folder;
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
function missingKeys(source: Texts, theirs: Texts, folder: Folder, file: string): Problem[] {
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
function extraKeys(source: Texts, theirs: Texts, folder: Folder, file: string): Problem[] {
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
function placeholderProblems(source: Texts, theirs: Texts, file: string): Problem[] {
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
function textProblems(ns: string, texts: Texts, file: string): Problem[] {
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
function commandNameProblems(commands: Texts, file: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(commands))
    for (const name of commandNamesOf(key))
      if (!commandName.test(name)) {
        const message = `"${name}" is not a Discord command or option name (1-32 lowercase, no spaces)`;
        problems.push({ file, key, rule: "command-name", message });
      }
  return problems;
}

/** One language's folder against the source's. */
function compareFolder(source: Folder, folder: Folder): Problem[] {
  const problems: Problem[] = [...folder.problems];
  const isSource = folder === source;
  for (const [ns, english] of source.namespaces) {
    const file = shown(join(folder.dir, `${ns}.json`));
    const theirs = folder.namespaces.get(ns);
    if (theirs === undefined) {
      const broken = folder.problems.some((p) => p.file === file);
      if (!broken && !folder.language.draft)
        problems.push({ file, key: "", rule: "namespace", message: "file missing" });
      continue;
    }
    if (!isSource)
      problems.push(
        ...missingKeys(english, theirs, folder, file),
        ...extraKeys(english, theirs, folder, file),
        ...placeholderProblems(english, theirs, file),
      );
    problems.push(...textProblems(ns, theirs, file));
  }
  for (const ns of folder.namespaces.keys())
    if (!source.namespaces.has(ns)) {
      const file = shown(join(folder.dir, `${ns}.json`));
      problems.push({ file, key: "", rule: "namespace", message: "no such file in English" });
    }
  return problems;
}

/** English's own plural keys in English's forms, and its command names. */
function sourceProblems(source: Folder): Problem[] {
  const problems: Problem[] = [];
  for (const [ns, texts] of source.namespaces) {
    const file = shown(join(source.dir, `${ns}.json`));
    const selfCheck = { ...source, language: { ...source.language, draft: false } };
    problems.push(
      ...missingKeys(texts, texts, selfCheck, file),
      ...extraKeys(texts, texts, source, file),
    );
    if (ns === "commands") problems.push(...commandNameProblems(texts, file));
  }
  return problems;
}

/** src/i18n/source.generated.ts must match the English JSON (`npm run i18n:types`). */
export function typesProblems(file = typesFile): Problem[] {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current === typesText()) return [];
  const message = "stale: run `npm run i18n:types`";
  return [{ file: shown(file), key: "", rule: "types", message }];
}

/** Every problem of every language; the first language is the source. */
export function checkLanguages(list: readonly Language[], root = localesRoot): Problem[] {
  const folders = list.map((language) => readLanguage(language, root));
  const [source, ...others] = folders;
  if (source === undefined) return [];
  return [
    ...compareFolder(source, source),
    ...sourceProblems(source),
    ...others.flatMap((folder) => compareFolder(source, folder)),
  ];
}

export const formatProblem = (p: Problem): string =>
  `${p.file}${p.key ? ` ${p.key}` : ""} [${p.rule}] ${p.message}`;
