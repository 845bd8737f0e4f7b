/**
 * Reads the JSON resources once, at start: `locales/<folder>/<namespace>.json`,
 * one object of strings per namespace. The build copies `locales/` next to the
 * compiled code (tsconfig.build.json), so `../../locales` is right from both
 * `src/i18n/` and `dist/src/i18n/`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export type Texts = Readonly<Record<string, string>>;
/** A language's namespaces (`play`, `commands`, ...), each its texts by key. */
export type Namespaces = Readonly<Record<string, Texts>>;

export const localesRoot = fileURLToPath(new URL("../../locales/", import.meta.url));

/** A language's folder: relative to `locales/`, or absolute (a test's fixture). */
export const folderPath = (folder: string, root = localesRoot): string => resolve(root, folder);

/** The namespace names of a folder, sorted (`play.json` → `play`). */
export function namespacesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

/** One namespace file; anything but a JSON object of strings is an error naming the file and key. */
export function readNamespace(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    // A byte-order mark, as some Windows editors write, is not part of the JSON.
    parsed = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new Error(`${file}: not a JSON object of texts`);
  for (const [key, text] of Object.entries(parsed))
    if (typeof text !== "string") throw new Error(`${file}: ${key} is not a string`);
  return parsed as Record<string, string>;
}

/** Every namespace of one language's folder. */
export function readFolder(dir: string): Namespaces {
  return Object.fromEntries(
    namespacesIn(dir).map((ns) => [ns, readNamespace(join(dir, `${ns}.json`))]),
  );
}
