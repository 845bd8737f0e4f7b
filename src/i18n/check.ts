/**
 * `npm run i18n:check`: every language's folder against the English source.
 * Each problem names the file, the key and the rule it breaks (README "Translating").
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  commandNameProblems,
  extraKeys,
  missingKeys,
  type Problem,
  placeholderProblems,
  textProblems,
} from "./checkRules.js";
import { limitedKeys, matchesLimitedKey } from "./discordLimits.js";
import { typesFile, typesText } from "./generateTypes.js";
import type { Language } from "./languages.js";
import { folderPath, localesRoot, namespacesIn, readNamespace, type Texts } from "./load.js";

export { expectedKeys, type Problem, type Rule } from "./checkRules.js";

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
  // A checkout with CRLF line ends (git autocrlf) is still current.
  const current = existsSync(file) ? readFileSync(file, "utf8").replace(/\r\n/g, "\n") : "";
  if (current === typesText()) return [];
  const message = "stale: run `npm run i18n:types`";
  return [{ file: shown(file), key: "", rule: "types", message }];
}

/** Each key of the Discord limits list (src/i18n/discordLimits.ts) still names an English text. */
export function limitListProblems(source: Language, root = localesRoot): Problem[] {
  const { namespaces } = readLanguage(source, root);
  const file = shown(fileURLToPath(new URL("./discordLimits.ts", import.meta.url)));
  return limitedKeys()
    .filter(
      (pattern) =>
        ![...namespaces].some(([ns, texts]) =>
          Object.keys(texts).some((key) => matchesLimitedKey(pattern, ns, key)),
        ),
    )
    .map((pattern) => ({
      file,
      key: pattern,
      rule: "discord-limit",
      message: "no English text has this key",
    }));
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
