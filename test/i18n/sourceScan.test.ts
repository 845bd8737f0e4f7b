/**
 * No text for people outside the catalogues: every string a member reads
 * goes through src/i18n. Scans the modules that produce such text.
 */
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { type Finding, looksLikeText, scanFile } from "./scan.js";

const root = join(import.meta.dirname, "../..");
const scanned = [
  "commands",
  "src/format",
  "src/discord",
  "src/subscriptions",
  "src/histories",
  "src/poller",
  "src/pictures",
  "src/roles",
  "src/feeds",
  "src/privacy",
  "src/play",
];

/** Literals that look like words but are not text for people: `file: literal`. */
const allowed = [
  // luxon format tokens
  "src/format/historiesEmbed.ts: yyyy-MM-dd HH:mm",
  "src/format/historiesEmbed.ts: yyyy-MM-dd HH:mm:ss",
  "src/pictures/chartSvg.ts: d LLL HH:mm",
  "src/pictures/scale.ts: LLL yyyy",
  "src/pictures/scale.ts: d LLL HH:mm",
  "src/pictures/words.ts: d LLL yyyy HH:mm",
  // SVG markup and the bundled font's family name
  'src/pictures/banner.ts: <svg xmlns="http://www.w3.org/2000/svg" width="',
  'src/pictures/chartSvg.ts: <svg xmlns="http://www.w3.org/2000/svg" width="',
  "src/pictures/render.ts: DejaVu Sans",
];

function files(): string[] {
  return scanned.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(dir, f)),
  );
}

const findingsOf = (file: string): Finding[] =>
  scanFile(join(root, file))
    .map((f) => ({ ...f, file: relative(root, f.file) }))
    .filter((f) => !allowed.includes(`${f.file}: ${f.text}`));

describe("user-facing text lives in the catalogues", () => {
  it("recognises text and leaves identifiers alone", () => {
    expect(looksLikeText("Linked as **x**.")).toBe(true);
    expect(looksLikeText("Newer")).toBe(true);
    expect(looksLikeText("link.tooShort")).toBe(false);
    expect(looksLikeText("ephemeral")).toBe(false);
    expect(looksLikeText(" · ")).toBe(false);
    expect(looksLikeText("🔒")).toBe(false);
  });

  it("finds no hard-coded text in the swept files", () => {
    const found = files()
      .flatMap(findingsOf)
      .map((f) => `${f.file}:${f.line}: ${f.text}`);
    expect(found).toEqual([]);
  });
});
