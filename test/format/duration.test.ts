import { describe, expect, it } from "vitest";
import { formatDuration, formatSignedDuration } from "../../src/format/duration.js";

describe("formatSignedDuration", () => {
  it.each([
    [86_400, "+1 day"],
    [90_061, "+1 day 1 h 1 min 1 s"],
    [7_200, "+2 h"],
    [-3_600, "-1 h"],
    [172_800, "+2 days"],
    [0, "0 s"],
  ])("%d -> %s (spec examples)", (seconds, expected) => {
    expect(formatSignedDuration(seconds)).toBe(expected);
  });

  it.each([
    [1, "+1 s"],
    [-1, "-1 s"],
    [59, "+59 s"],
    [60, "+1 min"],
    [61, "+1 min 1 s"],
    [3_599, "+59 min 59 s"],
    [3_601, "+1 h 1 s"],
    [86_399, "+23 h 59 min 59 s"],
    [-90_061, "-1 day 1 h 1 min 1 s"],
    [86_400 + 60, "+1 day 1 min"],
    // No weeks: days keep counting past 7.
    [7 * 86_400, "+7 days"],
    [10 * 86_400, "+10 days"],
    [400 * 86_400 + 5, "+400 days 5 s"],
    [-1_000 * 86_400, "-1000 days"],
  ])("edge case %d -> %s", (seconds, expected) => {
    expect(formatSignedDuration(seconds)).toBe(expected);
  });

  it("rounds fractions to whole seconds and keeps zero unsigned", () => {
    expect(formatSignedDuration(1.6)).toBe("+2 s");
    expect(formatSignedDuration(-0.4)).toBe("0 s");
    expect(formatSignedDuration(-0)).toBe("0 s");
  });

  it("does not throw on non-finite input", () => {
    expect(formatSignedDuration(Number.NaN)).toBe("?");
    expect(formatSignedDuration(Number.POSITIVE_INFINITY)).toBe("?");
  });
});

describe("formatDuration (unsigned)", () => {
  it("gives the magnitude without a sign", () => {
    expect(formatDuration(90_061)).toBe("1 day 1 h 1 min 1 s");
    expect(formatDuration(-3_600)).toBe("1 h");
    expect(formatDuration(172_800)).toBe("2 days");
    expect(formatDuration(0)).toBe("0 s");
  });
});

describe("durations per language", () => {
  it.each([
    ["en", "1 day", "2 days"],
    ["de", "1 Tag", "2 Tage"],
    ["fr", "1 jour", "2 jours"],
    ["es", "1 día", "2 días"],
    ["nl", "1 dag", "2 dagen"],
  ] as const)("%s: %s / %s", (locale, one, two) => {
    expect(formatDuration(86_400, locale)).toBe(one);
    expect(formatDuration(2 * 86_400, locale)).toBe(two);
    expect(formatSignedDuration(-2 * 86_400, locale)).toBe(`-${two}`);
  });

  it("uses each language's plural rules and number format", () => {
    // French counts 0 and 1 as singular; English, German, Spanish and Dutch only 1.
    expect(formatDuration(1.4 * 86_400, "fr")).toBe("1 jour 9 h 36 min");
    expect(formatDuration(90_061, "de")).toBe("1 Tag 1 Std. 1 Min. 1 s");
    expect(formatDuration(12_345 * 86_400, "en")).toBe("12,345 days");
    expect(formatDuration(12_345 * 86_400, "de")).toBe("12.345 Tage");
    expect(formatDuration(12_345 * 86_400, "es")).toBe("12.345 días");
    expect(formatDuration(12_345 * 86_400, "nl")).toBe("12.345 dagen");
    expect(formatDuration(12_345 * 86_400, "fr")).toBe("12\u202f345 jours");
    // French and Spanish have a "many" form for millions: it must not fall back to English.
    expect(formatDuration(1_000_000 * 86_400, "fr")).toBe("1\u202f000\u202f000 jours");
    expect(formatDuration(1_000_000 * 86_400, "es")).toBe("1.000.000 días");
    expect(formatSignedDuration(0, "nl")).toBe("0 s");
    expect(formatSignedDuration(Number.NaN, "de")).toBe("?");
  });
});
