import { describe, expect, it } from "vitest";
import { formatGameChangeLine, gameLineLimit } from "../../src/format/gameChanges.js";
import { inert } from "../../src/format/untrusted.js";
import { translator } from "../../src/i18n/index.js";
import type { GameChange } from "../../src/tracker/types.js";

const en = translator("en");
const happened = new Date("2026-02-03T10:00:00Z");
const change = (overrides: Partial<GameChange> = {}): GameChange => ({
  id: 1,
  game: "DICE",
  action: "UPDATE",
  happened,
  domNick: "Mistress",
  changes: [
    { label: "waiting time", from: "1 h", to: "2 h" },
    { label: "dice", from: "2", to: "3" },
  ],
  ...overrides,
});

const hostile = [
  "@everyone",
  "@here look",
  "<@123456789012345678>",
  "<@&123456789012345678>",
  "<#123456789012345678>",
  "[click](https://evil.example/x)",
  "https://evil.example/phish",
  "**bold** __under__ ~~gone~~ ||spoiler|| `code`",
  "line1\nline2\r\n# heading",
  "tab\there\u0000nul\u202Ertl\u200Bzw",
  "> quote",
];

/** What Discord would turn into something live in an embed. */
function assertInert(text: string): void {
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).not.toMatch(/(^|[^\\])<[@#]/);
  expect(text).not.toMatch(/https?:\/\//);
  expect(text).not.toMatch(/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: proving control characters are gone
  expect(text).not.toMatch(/[\n\r\u0000\u202E]/);
  for (const mark of ["**", "__", "~~", "||", "`"]) {
    // Every markdown character comes escaped.
    expect(text.split(mark).length === 1 || text.includes(`\\${mark[0]}`)).toBe(true);
  }
}

describe("formatGameChangeLine", () => {
  it("reads like the issue's example, per action and per game, with the dom's nick or without", () => {
    expect(formatGameChangeLine(change(), en)).toBe(
      "🎲 Dice rules changed by **Mistress**: waiting time 1 h → 2 h; dice 2 → 3 · <t:1770112800:R>",
    );
    const insert = change({
      game: "LUCK",
      action: "INSERT",
      domNick: null,
      changes: [{ label: "dice", from: null, to: "3" }],
    });
    expect(formatGameChangeLine(insert, en)).toBe("🍀 Luck rules set: dice 3 · <t:1770112800:R>");
    const removed = change({
      game: "LINK",
      action: "DELETE",
      changes: [{ label: "votes required", from: "5", to: null }],
    });
    expect(formatGameChangeLine(removed, en)).toBe(
      "🔗 Link game rules removed by **Mistress**: votes required 5 · <t:1770112800:R>",
    );
    expect(formatGameChangeLine(change({ changes: [] }), translator("de"))).toBe(
      "🎲 Würfel-Regeln geändert von **Mistress** · <t:1770112800:R>",
    );
  });

  it.each(hostile)("keeps hostile text inert in every field: %j", (text) => {
    const lines = [
      change({ domNick: text }),
      change({ changes: [{ label: text, from: "1", to: "2" }] }),
      change({ changes: [{ label: "x", from: text, to: "2" }] }),
      change({ changes: [{ label: "x", from: "1", to: text }] }),
    ].map((c) => formatGameChangeLine(c, en));
    for (const line of lines)
      assertInert(line.replace(/^🎲 Dice rules changed by \*\*|\*\*:/g, ""));
  });

  it("stays within the line limit with an ellipsis, keeping the head and the time", () => {
    const long = "x".repeat(5000);
    const line = formatGameChangeLine(
      change({
        domNick: long,
        changes: Array.from({ length: 30 }, () => ({ label: long, from: long, to: long })),
      }),
      en,
    );
    expect(line.length).toBeLessThanOrEqual(gameLineLimit);
    expect(line).toContain("…");
    expect(line.startsWith("🎲 Dice rules changed by **")).toBe(true);
    expect(line.endsWith("<t:1770112800:R>")).toBe(true);
    const escapes = "*".repeat(5000);
    const starred = formatGameChangeLine(
      change({ changes: [{ label: escapes, from: escapes, to: escapes }] }),
      en,
    );
    expect(starred.length).toBeLessThanOrEqual(gameLineLimit);
  });
});

describe("inert", () => {
  it("escapes and neutralises, and cuts at the limit with an ellipsis", () => {
    expect(inert("@everyone <@1> [a](https://x.y)", 100)).toBe(
      "@\u200beveryone \\<@1\\> \\[a\\](https:\u200b//x.y)",
    );
    expect(inert("a\nb\u202Ec", 100)).toBe("a b c");
    expect(inert("abcdef", 4)).toBe("abc…");
    expect(inert("ab😀cd", 4)).toBe("ab…");
  });
});
