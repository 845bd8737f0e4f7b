import { describe, expect, it } from "vitest";
import {
  buildHistoriesEmbed,
  describeFilters,
  formatUtc,
  joinLinesWithin,
  truncate,
} from "../../src/format/historiesEmbed.js";
import { formatItemLine } from "../../src/format/items.js";
import { translator } from "../../src/i18n/index.js";
import type { HistoryItem } from "../../src/tracker/types.js";
import { item } from "./fixtures.js";
import { useZone, zones } from "./zones.js";

const newestFirst: HistoryItem[] = [
  item({ type: "SUB", unit: 3_600, source: "PENALTY", happened: new Date(Date.UTC(2026, 1, 4)) }),
  item(),
  item({
    type: "START",
    unit: null,
    source: null,
    schedule: new Date(Date.UTC(2026, 1, 10)),
    happened: new Date(Date.UTC(2026, 1, 3, 9, 30, 7, 123)),
  }),
];

describe.each(zones)("buildHistoriesEmbed with TZ=%s", (zone) => {
  useZone(zone);

  it("footer lists page and every active filter, dates in UTC", () => {
    const embed = buildHistoriesEmbed({
      session: 123,
      items: newestFirst,
      filters: { type: "ADD", source: "DICE", dom: true, from: new Date(Date.UTC(2026, 1, 1)) },
      page: 2,
      hasOlder: false,
    });
    expect(embed.footer?.text).toBe(
      "Page 2 · type: ADD · source: DICE · dom only · from 2026-02-01 00:00 UTC",
    );
  });

  it("footer shows `to`, dom=false, seconds when present, and more pages", () => {
    const embed = buildHistoriesEmbed({
      session: 123,
      items: newestFirst,
      filters: {
        dom: false,
        from: new Date(Date.UTC(2026, 1, 1, 22, 30, 15, 900)),
        to: new Date(Date.UTC(2026, 1, 3, 10)),
      },
      page: 1,
      hasOlder: true,
    });
    expect(embed.footer?.text).toBe(
      "Page 1 · not by dom · from 2026-02-01 22:30:15 UTC · to 2026-02-03 10:00 UTC · older items on the next page",
    );
  });

  it("formatUtc ignores the host zone", () => {
    expect(formatUtc(new Date(Date.UTC(2026, 1, 1, 23, 59)))).toBe("2026-02-01 23:59 UTC");
  });
});

describe("buildHistoriesEmbed", () => {
  it("title names the session and the nick", () => {
    const base = { items: newestFirst, filters: {}, page: 1, hasOlder: false };
    expect(buildHistoriesEmbed({ ...base, session: 123, nick: "alice" }).title).toBe(
      "📜 alice · session 123",
    );
    expect(buildHistoriesEmbed({ ...base, session: 7 }).title).toBe("📜 Session 7");
    expect(buildHistoriesEmbed({ ...base, session: 7, nick: "__x__" }).title).toBe(
      "📜 \\_\\_x\\_\\_ · session 7",
    );
  });

  it("description is one line per item in the given order", () => {
    const embed = buildHistoriesEmbed({
      session: 123,
      items: newestFirst,
      filters: {},
      page: 1,
      hasOlder: false,
    });
    expect(embed.description).toBe(newestFirst.map((item) => formatItemLine(item)).join("\n"));
    expect(embed.footer?.text).toBe("Page 1");
  });

  it("net summary: positive, negative, and START-only pages", () => {
    const build = (items: HistoryItem[]) =>
      buildHistoriesEmbed({ session: 1, items, filters: {}, page: 1, hasOlder: false });
    expect(build(newestFirst).fields).toEqual([
      { name: "Net on this page", value: "**+23 h** over 2 changes", inline: false },
    ]);
    expect(
      build([item({ type: "SUB", unit: 172_800 }), item({ unit: 3_600 })]).fields?.[0]?.value,
    ).toBe("**-1 day 23 h** over 2 changes");
    expect(build([item({ type: "SUB", unit: -60 })]).fields?.[0]?.value).toBe(
      "**-1 min** over 1 change",
    );
    expect(build([item({ type: "SUB", unit: 60 }), item({ unit: 60 })]).fields?.[0]?.value).toBe(
      "**0 s** over 2 changes",
    );
    expect(build(newestFirst.slice(2)).fields?.[0]?.value).toBe("no time added or removed");
  });

  it("empty page texts", () => {
    const base = { session: 1, items: [], hasOlder: false };
    const unfiltered = buildHistoriesEmbed({ ...base, filters: {}, page: 1 });
    expect(unfiltered.description).toBe("No history items in this session yet.");
    expect(unfiltered.fields).toBeUndefined();
    expect(buildHistoriesEmbed({ ...base, filters: { source: "LUCK" }, page: 1 }).description).toBe(
      "No history items match these filters.",
    );
    expect(buildHistoriesEmbed({ ...base, filters: {}, page: 3 }).description).toBe(
      "No more history items: this is past the oldest page.",
    );
  });

  it("guards the 4096 description limit without cutting a line", () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      item({ unit: i + 1, happened: new Date(Date.UTC(2026, 1, 3, 0, 0, i)) }),
    );
    const embed = buildHistoriesEmbed({
      session: 1,
      items: many,
      filters: {},
      page: 1,
      hasOlder: true,
    });
    const description = embed.description ?? "";
    expect(description.length).toBeLessThanOrEqual(4096);
    const lines = description.split("\n");
    const last = lines.pop();
    expect(last).toMatch(/^… \d+ more not shown$/);
    expect(lines).toEqual(many.slice(0, lines.length).map((item) => formatItemLine(item)));
    expect(Number(/\d+/.exec(last ?? "")?.[0])).toBe(many.length - lines.length);
  });

  it("25 lines fit untouched", () => {
    const items = Array.from({ length: 25 }, () =>
      item({ dom: true, source: "PENALTY", unit: 90_061 }),
    );
    const embed = buildHistoriesEmbed({ session: 1, items, filters: {}, page: 1, hasOlder: false });
    expect(embed.description).toBe(items.map((item) => formatItemLine(item)).join("\n"));
  });
});

describe("helpers", () => {
  it("describeFilters is empty with no filters", () => {
    expect(describeFilters({})).toEqual([]);
  });

  it("truncate keeps the limit and never splits a surrogate pair", () => {
    expect(truncate("abcdef", 6)).toBe("abcdef");
    expect(truncate("abcdef", 4)).toBe("abc…");
    const cut = truncate("ab🎲cd", 4);
    expect(cut).toBe("ab…");
    expect(cut.length).toBeLessThanOrEqual(4);
  });

  it("joinLinesWithin reports what it left out", () => {
    const en = translator("en");
    expect(joinLinesWithin(["aaaa", "bbbb", "cccc"], 14, en)).toBe("aaaa\nbbbb\ncccc");
    expect(joinLinesWithin(["aaaa", "bbbb", "cccc"], 24, en)).toBe("aaaa\nbbbb\ncccc");
    expect(joinLinesWithin(["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"], 30, en)).toBe(
      "aaaaaaaaaa\n… 2 more not shown",
    );
  });
});
