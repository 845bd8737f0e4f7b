/**
 * `npm run i18n:status`: per language, how many of the English texts it has
 * translated, how many are missing (a check failure), and how many fall back to
 * English on purpose (a draft language's missing texts), plus how many read the
 * same as English (often right: "DOM", `{{from}} → {{to}}`; sometimes forgotten).
 */
import { expectedKeys, readLanguage } from "./check.js";
import type { Language } from "./languages.js";
import { localesRoot } from "./load.js";

export interface StatusRow {
  locale: string;
  folder: string;
  total: number;
  translated: number;
  sameAsEnglish: number;
  missing: number;
  fallback: number;
}

export function statusRows(list: readonly Language[], root = localesRoot): StatusRow[] {
  const [source, ...others] = list.map((language) => readLanguage(language, root));
  if (source === undefined) return [];
  return [source, ...others].map((folder) => {
    const row: StatusRow = {
      locale: folder.language.locale,
      folder: folder.language.folder,
      total: 0,
      translated: 0,
      sameAsEnglish: 0,
      missing: 0,
      fallback: 0,
    };
    for (const [ns, english] of source.namespaces) {
      for (const key of expectedKeys(english, folder.language.locale)) {
        const text = folder.namespaces.get(ns)?.[key];
        row.total += 1;
        if (text === undefined) {
          if (folder.language.draft) row.fallback += 1;
          else row.missing += 1;
        } else {
          row.translated += 1;
          if (folder !== source && text === english[key]) row.sameAsEnglish += 1;
        }
      }
    }
    return row;
  });
}

export function statusTable(rows: readonly StatusRow[]): string {
  const header = ["language", "folder", "texts", "translated", "same as en", "missing", "fallback"];
  const body = rows.map((r) => [
    r.locale,
    r.folder,
    String(r.total),
    `${r.translated} (${Math.floor((100 * r.translated) / Math.max(r.total, 1))}%)`,
    String(r.sameAsEnglish),
    String(r.missing),
    String(r.fallback),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  // Markdown: text columns left-aligned, counts right-aligned.
  const rule = `|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...body.map(line)].join("\n");
}
