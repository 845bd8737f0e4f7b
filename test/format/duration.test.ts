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
