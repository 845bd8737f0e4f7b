/**
 * `npm run i18n:check`: the shipped languages pass it (this is how `npm test`
 * runs it), and each of its rules fails on a small bad fixture
 * (test/fixtures/i18n/check/<case>/ against the English of check/en-US/).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkLanguages,
  formatProblem,
  limitListProblems,
  type Problem,
  typesProblems,
} from "../../src/i18n/check.js";
import { typesFile } from "../../src/i18n/generateTypes.js";
import { type Language, languages, sourceLanguage } from "../../src/i18n/languages.js";
import { statusRows, statusTable } from "../../src/i18n/status.js";

const fixtures = join(import.meta.dirname, "../fixtures/i18n/check");
const english: Language = { locale: "en", folder: "en-US", discord: [] };
const german = (folder: string, draft = false): Language => ({
  locale: "de",
  folder,
  discord: ["de"],
  ...(draft && { draft }),
});
const check = (...others: Language[]) =>
  checkLanguages([english, ...others], fixtures).map(({ file, key, rule }) => ({
    file: file.replace(/^.*fixtures\/i18n\/check\//, ""),
    key,
    rule,
  }));

describe("npm run i18n:check", () => {
  it("passes the shipped languages and the generated types", () => {
    const problems = [
      ...checkLanguages(languages),
      ...limitListProblems(sourceLanguage),
      ...typesProblems(),
    ];
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it("passes a complete fixture language", () => {
    expect(check(german("good"))).toEqual([]);
  });

  it("names a missing key and a key English does not have", () => {
    expect(check(german("missing-key"))).toEqual([
      { file: "missing-key/play.json", key: "buttonAdd", rule: "missing-key" },
    ]);
    expect(check(german("extra-key"))).toEqual([
      { file: "extra-key/play.json", key: "bogus", rule: "extra-key" },
    ]);
  });

  it("allows missing keys in a draft language only", () => {
    expect(check(german("draft", true))).toEqual([]);
    expect(check(german("draft"))).toEqual([
      { file: "draft/commands.json", key: "", rule: "namespace" },
      { file: "draft/play.json", key: "votes_one", rule: "plural-forms" },
      { file: "draft/play.json", key: "votes_other", rule: "plural-forms" },
      { file: "draft/play.json", key: "buttonAdd", rule: "missing-key" },
      { file: "draft/play.json", key: "panelTitle", rule: "missing-key" },
    ]);
  });

  it("names a lost or unknown placeholder", () => {
    const problems = checkLanguages([english, german("placeholders")], fixtures);
    expect(problems.map((p) => [p.key, p.rule, p.message])).toEqual([
      ["added", "placeholders", "lost {{game}}; unknown {{spiel}}"],
    ]);
  });

  it("wants exactly the plural forms of the language (French: one, many, other)", () => {
    const french: Language = { locale: "fr", folder: "plural", discord: ["fr"] };
    expect(check(french)).toEqual([
      { file: "plural/play.json", key: "votes_many", rule: "plural-forms" },
      { file: "plural/play.json", key: "votes_few", rule: "plural-forms" },
    ]);
  });

  it("refuses empty texts", () => {
    expect(check(german("empty"))).toEqual([
      { file: "empty/play.json", key: "buttonAdd", rule: "empty" },
    ]);
  });

  it("keeps texts within the Discord field they go into", () => {
    const problems = checkLanguages([english, german("limit")], fixtures);
    expect(problems.map((p) => `${p.key} [${p.rule}] ${p.message}`)).toEqual([
      "play.description [discord-limit] command or option description: 101 characters, Discord allows 1-100",
      "play.game.dice [empty] empty text",
      "buttonAdd [discord-limit] button label: 81 characters, Discord allows 1-80",
      "panelTitle [discord-limit] embed title: 257 characters, Discord allows 1-256",
    ]);
  });

  it("names a file that is not an object of texts, and a file English does not have", () => {
    expect(check(german("not-text"))).toEqual([
      { file: "not-text/play.json", key: "", rule: "json" },
    ]);
    expect(check(german("namespace"))).toEqual([
      { file: "namespace/commands.json", key: "", rule: "namespace" },
      { file: "namespace/extra.json", key: "", rule: "namespace" },
    ]);
  });

  it("names a file that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "i18n-check-"));
    try {
      cpSync(join(fixtures, "en-US"), join(dir, "en-US"), { recursive: true });
      cpSync(join(fixtures, "good"), join(dir, "broken"), { recursive: true });
      writeFileSync(join(dir, "broken/play.json"), '{ "added": "x", }');
      const problems = checkLanguages([english, german("broken")], dir);
      expect(problems.map((p) => [p.file.endsWith("broken/play.json"), p.rule])).toEqual([
        [true, "json"],
      ]);
      expect(problems[0]?.message).toMatch(/not valid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("checks English itself: command names and English's plural forms", () => {
    const source: Language = { ...english, folder: "bad-source" };
    const problems = checkLanguages([source], fixtures);
    expect(problems.map((p) => [p.key, p.rule])).toEqual([
      ["Play Now.description", "command-name"],
      ["votes_few", "plural-forms"],
    ]);
  });

  it("names a key of the Discord limits list that no English text has", () => {
    const problems = limitListProblems(english, fixtures);
    // The fixture's English has play.panelTitle and play.buttonAdd, none of the others.
    expect(problems.map((p) => p.key)).toContain("chart.embedTitle");
    expect(problems.map((p) => p.key)).not.toContain("play.panelTitle");
    expect(problems.map((p) => p.key)).not.toContain("play.button*");
    expect(new Set(problems.map((p) => `${p.file} ${p.rule}`))).toEqual(
      new Set(["src/i18n/discordLimits.ts discord-limit"]),
    );
  });

  it("fails while the generated types are stale", () => {
    const dir = mkdtempSync(join(tmpdir(), "i18n-types-"));
    const copy = join(dir, "source.generated.ts");
    try {
      writeFileSync(copy, readFileSync(typesFile, "utf8"));
      expect(typesProblems(copy)).toEqual([]);
      writeFileSync(copy, readFileSync(typesFile, "utf8").replace(/^.*"play\.added".*$/m, ""));
      expect(typesProblems(copy).map((p: Problem) => p.rule)).toEqual(["types"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm run i18n:status", () => {
  it("counts translated, missing and fallback texts per language", () => {
    const rows = statusRows([english, german("missing-key"), german("draft", true)], fixtures);
    expect(
      rows.map(({ folder, total, translated, missing, fallback }) => ({
        folder,
        total,
        translated,
        missing,
        fallback,
      })),
    ).toEqual([
      { folder: "en-US", total: 8, translated: 8, missing: 0, fallback: 0 },
      { folder: "missing-key", total: 8, translated: 7, missing: 1, fallback: 0 },
      { folder: "draft", total: 8, translated: 1, missing: 0, fallback: 7 },
    ]);
    expect(statusTable(rows).split("\n")[3]).toMatch(
      /^\| de\s+\| missing-key \|\s+8 \|\s+7 \(87%\) \|/,
    );
  });
});
