import { describe, expect, it } from "vitest";
import {
  escapeMarkdown,
  formatItemLine,
  netSeconds,
  signedSeconds,
  sourceLabel,
  typeLabel,
  unixSeconds,
} from "../../src/format/items.js";
import type { HistorySource } from "../../src/tracker/types.js";
import { item } from "./fixtures.js";
import { useZone, zones } from "./zones.js";

// 2026-02-03 10:02:11.456 UTC and 2026-02-11 00:00:00 UTC.
const R = "<t:1770112931:R>";
const F = "<t:1770768000:f>";

describe("labels", () => {
  it.each([
    ["DICE", "🎲 Dice"],
    ["LINK", "🔗 Link game"],
    ["LUCK", "🍀 Luck"],
    ["MANUAL", "✍️ Manual"],
    ["PENALTY", "⚠️ Penalty"],
    ["DOM", "👑 Dom"],
  ] as const)("sourceLabel(%s) = %s", (source, expected) => {
    expect(sourceLabel(source)).toBe(expected);
  });

  it("sourceLabel(null) is a neutral emoji without a source name", () => {
    expect(sourceLabel(null)).toBe("⏱️");
  });

  it("typeLabel names each type", () => {
    expect(typeLabel("START")).toBe("start");
    expect(typeLabel("ADD")).toBe("added");
    expect(typeLabel("SUB")).toBe("removed");
  });
});

describe("signedSeconds / netSeconds: the sign comes from the type", () => {
  it("ADD is positive and SUB negative whatever sign unit has", () => {
    expect(signedSeconds(item({ type: "ADD", unit: 60 }))).toBe(60);
    expect(signedSeconds(item({ type: "ADD", unit: -60 }))).toBe(60);
    expect(signedSeconds(item({ type: "SUB", unit: 60 }))).toBe(-60);
    expect(signedSeconds(item({ type: "SUB", unit: -60 }))).toBe(-60);
    expect(signedSeconds(item({ type: "START", unit: null, source: null }))).toBeNull();
    expect(signedSeconds(item({ type: "ADD", unit: null }))).toBeNull();
  });

  it("sums ADD and SUB and ignores START", () => {
    const items = [
      item({ type: "START", unit: null, source: null }),
      item({ type: "ADD", unit: 86_400 }),
      item({ type: "SUB", unit: 3_600 }),
      item({ type: "SUB", unit: -600 }),
    ];
    expect(netSeconds(items)).toBe(86_400 - 3_600 - 600);
    expect(netSeconds([])).toBe(0);
    expect(netSeconds([item({ type: "SUB", unit: 7_200 })])).toBe(-7_200);
  });
});

describe("escapeMarkdown", () => {
  it("escapes markdown and mention starters", () => {
    expect(escapeMarkdown("__a*b~`|<@1>[x]\\")).toBe("\\_\\_a\\*b\\~\\`\\|\\<@1\\>\\[x\\]\\\\");
    expect(escapeMarkdown("plain nick")).toBe("plain nick");
  });
});

describe.each(zones)("formatItemLine with TZ=%s", (zone) => {
  useZone(zone);

  it("floors happened to whole UNIX seconds", () => {
    expect(unixSeconds(new Date(Date.UTC(2026, 1, 3, 10, 2, 11, 999)))).toBe(1770112931);
  });

  it.each([
    ["DICE", "🎲 Dice"],
    ["LINK", "🔗 Link game"],
    ["LUCK", "🍀 Luck"],
    ["MANUAL", "✍️ Manual"],
    ["PENALTY", "⚠️ Penalty"],
    ["DOM", "👑 Dom"],
  ] as const)("ADD from %s", (source: HistorySource, label) => {
    expect(formatItemLine(item({ source }))).toBe(
      `${label} · added **+1 day** · release ${F} · ${R}`,
    );
  });

  it("SUB shows a negative duration even when unit is positive", () => {
    expect(formatItemLine(item({ type: "SUB", unit: 3_600, source: "PENALTY" }))).toBe(
      `⚠️ Penalty · removed **-1 h** · release ${F} · ${R}`,
    );
    expect(formatItemLine(item({ type: "SUB", unit: -3_600, source: "PENALTY" }))).toBe(
      `⚠️ Penalty · removed **-1 h** · release ${F} · ${R}`,
    );
  });

  it("ADD shows a positive duration even when unit is negative", () => {
    expect(formatItemLine(item({ unit: -90_061 }))).toBe(
      `🎲 Dice · added **+1 day 1 h 1 min 1 s** · release ${F} · ${R}`,
    );
  });

  it("marks dom actions", () => {
    expect(formatItemLine(item({ dom: true, source: "DOM", unit: 7_200 }))).toBe(
      `👑 Dom · added **+2 h** · 👑 by dom · release ${F} · ${R}`,
    );
    expect(formatItemLine(item({ dom: true, source: "MANUAL", type: "SUB", unit: 60 }))).toBe(
      `✍️ Manual · removed **-1 min** · 👑 by dom · release ${F} · ${R}`,
    );
  });

  it("a null source gets the neutral emoji and no source name", () => {
    expect(formatItemLine(item({ source: null, unit: 172_800 }))).toBe(
      `⏱️ added **+2 days** · release ${F} · ${R}`,
    );
  });

  it("reads START as the session start with its scheduled release", () => {
    const start = item({
      type: "START",
      unit: null,
      source: null,
      schedule: new Date(Date.UTC(2026, 1, 10)),
      happened: new Date(Date.UTC(2026, 1, 3, 9, 30, 7, 123)),
    });
    expect(formatItemLine(start)).toBe(
      "🔒 **Session started** · release <t:1770681600:f> · <t:1770111007:R>",
    );
    expect(formatItemLine({ ...start, dom: true })).toBe(
      "🔒 **Session started** · 👑 by dom · release <t:1770681600:f> · <t:1770111007:R>",
    );
  });

  it("leaves out the release when there is no schedule", () => {
    expect(formatItemLine(item({ schedule: null }))).toBe(`🎲 Dice · added **+1 day** · ${R}`);
    expect(formatItemLine(item({ type: "START", unit: null, source: null, schedule: null }))).toBe(
      `🔒 **Session started** · ${R}`,
    );
  });

  it("shows the type alone when an ADD has no unit", () => {
    expect(formatItemLine(item({ unit: null }))).toBe(`🎲 Dice · added · release ${F} · ${R}`);
  });
});
