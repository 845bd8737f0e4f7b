/**
 * README.md stays in step with the code: the Contents line links every section, every
 * in-page link lands on a heading, the Commands table names every registered command, and
 * the configuration table every variable of the schema (and nothing that is not there).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { configSchema } from "../../src/config.js";

const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
/** Fenced code blocks hold shell lines, not headings or links. */
const prose = readme.replace(/^```[\s\S]*?^```/gm, "");

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats -1, -2. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const match of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const base = match[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

function section(heading: string): string {
  const start = prose.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README has no section "## ${heading}"`);
  const end = prose.indexOf("\n## ", start + 1);
  return prose.slice(start, end < 0 ? undefined : end);
}

/** First cells of a section's table rows, header and separator left out. */
function firstCells(text: string): string[] {
  return [...text.matchAll(/^\|([^|\n]*(?:\\\|[^|\n]*)*)\|/gm)]
    .map((m) => m[1]!.trim())
    .filter((cell) => cell !== "" && !/^-+$/.test(cell))
    .slice(1);
}

describe("README.md", () => {
  const known = anchors(prose);

  it("links only to headings that exist", () => {
    const links = [...prose.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((anchor) => !known.has(anchor))).toEqual([]);
  });

  it("points someone without a bot token to the try-out in the Quick start, before the setup", () => {
    const from = readme.indexOf("\n## Quick start\n");
    const quick = readme.slice(from, readme.indexOf("\n## ", from + 1));
    const tryOut = quick.indexOf("npm run try");
    expect(tryOut).toBeGreaterThan(-1);
    expect(tryOut).toBeLessThan(quick.indexOf("cp .env.example"));
    expect(quick).toContain("(#try-it-without-discord)");
  });

  it("writes booleans as the bot's replies and the try-out take them (`json:true`)", () => {
    expect(readme).not.toMatch(/:True\b/);
    expect(readme).toContain("`json:true`");
  });

  it("lists every ## section in the Contents line", () => {
    const contents = /^Contents: [\s\S]*?\n\n/m.exec(prose)?.[0] ?? "";
    const linked = new Set([...contents.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!));
    const sections = anchors([...prose.matchAll(/^## .+$/gm)].map((m) => m[0]).join("\n"));
    expect([...sections].filter((anchor) => !linked.has(anchor))).toEqual([]);
  });

  it("describes every registered slash command in the Commands table", () => {
    const cells = firstCells(section("Commands")).join("\n");
    const missing = commands
      .map((command) => command.data.name)
      .filter((name) => !new RegExp(`\`/${name}[\\s\`]`).test(cells));
    expect(missing).toEqual([]);
  });

  it("documents every configuration variable, and only those", () => {
    const names = Object.keys(configSchema.shape);
    const rows = firstCells(section("Configuration")).map((cell) => cell.replace(/`/g, ""));
    expect(names.filter((name) => !rows.includes(name))).toEqual([]);
    // ENV_FILE is read before the schema (src/dotenv.ts).
    expect(rows.filter((row) => !names.includes(row) && row !== "ENV_FILE")).toEqual([]);
  });
});
