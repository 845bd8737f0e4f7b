/**
 * One-off converter: the TypeScript catalogues (src/i18n/locales/<lang>/<area>.ts)
 * to the JSON resources (locales/<folder>/<area>.json), where <folder> is the
 * language's Discord locale name from src/i18n/languages.ts (en → en-US, es → es-ES).
 *
 * Run from the repository root, with the TypeScript catalogues present:
 *
 *   npx tsx scripts/i18n/fromTs.ts && npm run i18n:check
 *
 * It also rewrites src/i18n/source.generated.ts (what `npm run i18n:types` does).
 *
 * Merging this branch into a tree whose other branches still added strings to the
 * TypeScript catalogues: git's rename detection moves their new area files into
 * locales/ and merges their TypeScript edits into the JSON as conflicts. Ignore
 * both and regenerate from the catalogues as merged so far (tried with feat/card
 * and feat/outage merged first):
 *
 *   git rm -rq --cached locales src/i18n/locales; rm -rf locales src/i18n/locales
 *   git checkout HEAD -- src/i18n/locales
 *   npx tsx scripts/i18n/fromTs.ts && npm run i18n:check
 *   git rm -rq src/i18n/locales && git add locales src/i18n/source.generated.ts
 *
 * Deterministic, so it can be re-run on a merged tree whose branches still added
 * strings to the TypeScript catalogues: each language's folder is rewritten from
 * its catalogue (JSON files of areas the catalogue no longer has are removed), keys
 * in the catalogue's own order, two-space indent and a trailing newline. Never
 * hand-edit the JSON while the TypeScript catalogues are still the source; fix the
 * TypeScript and re-run. Remove this script once the TypeScript catalogues are gone
 * for good.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { typesFile, typesText } from "../../src/i18n/generateTypes.js";
import { languages } from "../../src/i18n/languages.js";

const root = join(import.meta.dirname, "../..");
const tsRoot = join(root, "src/i18n/locales");
const jsonRoot = join(root, "locales");

type Area = Record<string, unknown>;

/** The language's catalogue object (`export const de = { ... }` in its index.ts). */
async function catalogueOf(locale: string): Promise<Record<string, Area>> {
  const file = join(tsRoot, locale, "index.ts");
  if (!existsSync(file)) throw new Error(`${file} is missing: nothing to convert`);
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const catalogue = module[locale];
  if (typeof catalogue !== "object" || catalogue === null)
    throw new Error(`${file} exports no \`${locale}\` object`);
  return catalogue as Record<string, Area>;
}

function areaJson(file: string, area: Area): string {
  for (const [key, text] of Object.entries(area))
    if (typeof text !== "string") throw new Error(`${file}: ${key} is not a string`);
  return `${JSON.stringify(area, null, 2)}\n`;
}

async function convert(locale: string, folder: string): Promise<number> {
  const catalogue = await catalogueOf(locale);
  const dir = join(jsonRoot, folder);
  mkdirSync(dir, { recursive: true });
  const written = new Set<string>();
  for (const [area, texts] of Object.entries(catalogue)) {
    const name = `${area}.json`;
    writeFileSync(join(dir, name), areaJson(join(dir, name), texts));
    written.add(name);
  }
  for (const name of readdirSync(dir))
    if (name.endsWith(".json") && !written.has(name)) rmSync(join(dir, name));
  return written.size;
}

for (const { locale, folder } of languages) {
  const count = await convert(locale, folder);
  process.stdout.write(`${locale} → locales/${folder}/ (${count} files)\n`);
}
writeFileSync(typesFile, typesText());
process.stdout.write("src/i18n/source.generated.ts rewritten\n");
