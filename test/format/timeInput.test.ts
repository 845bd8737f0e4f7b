import { describe, expect, it } from "vitest";
import { parseTimeInput, timeInputHelpIn } from "../../src/format/timeInput.js";
import { useZone, zones } from "./zones.js";

// A fixed clock: 2026-02-10 12:00:00.500 UTC.
const now = new Date(Date.UTC(2026, 1, 10, 12, 0, 0, 500));

function iso(input: string): string | undefined {
  const result = parseTimeInput(input, now);
  return result.ok ? result.date.toISOString() : undefined;
}

describe.each(zones)("parseTimeInput with TZ=%s", (zone) => {
  useZone(zone);

  it.each([
    ["2026-02-03", "2026-02-03T00:00:00.000Z"],
    ["2026-02-03 10:02", "2026-02-03T10:02:00.000Z"],
    ["2026-02-03 10:02:11", "2026-02-03T10:02:11.000Z"],
    ["2026-02-03T10:02", "2026-02-03T10:02:00.000Z"],
    ["2026-02-03T10:02:11", "2026-02-03T10:02:11.000Z"],
    ["2026-02-03 10:02:11.456", "2026-02-03T10:02:11.456Z"],
    ["2026-02-03t10:02", "2026-02-03T10:02:00.000Z"],
    ["  2026-02-03 10:02  ", "2026-02-03T10:02:00.000Z"],
    ["2026-02-03T10:00:00+01:00", "2026-02-03T09:00:00.000Z"],
    ["2026-02-03T10:00:00-05:30", "2026-02-03T15:30:00.000Z"],
    ["2026-02-03T10:00:00Z", "2026-02-03T10:00:00.000Z"],
    ["2026-02-03T10:00Z", "2026-02-03T10:00:00.000Z"],
    ["2026-02-03T10:00:00.123Z", "2026-02-03T10:00:00.123Z"],
    ["2026-02-03 10:00:00+0100", "2026-02-03T09:00:00.000Z"],
    ["2026-02-03T10:00:00+13:00", "2026-02-02T21:00:00.000Z"],
    ["2024-02-29", "2024-02-29T00:00:00.000Z"],
  ])("accepts %j as %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    ["90m", "2026-02-10T10:30:00.500Z"],
    ["24h", "2026-02-09T12:00:00.500Z"],
    ["7d", "2026-02-03T12:00:00.500Z"],
    ["30s", "2026-02-10T11:59:30.500Z"],
    ["2w", "2026-01-27T12:00:00.500Z"],
    ["0m", "2026-02-10T12:00:00.500Z"],
    [" 7D ", "2026-02-03T12:00:00.500Z"],
    ["90 m", "2026-02-10T10:30:00.500Z"],
    ["3650d", "2016-02-13T12:00:00.500Z"],
  ])("reads the age %j as now minus it: %s", (input, expected) => {
    expect(iso(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "yesterday",
    "now",
    "2026-02-30",
    "2026-02-30 10:00",
    "2026-02-30T10:00:00Z",
    "2025-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-2-3",
    "26-02-03",
    "2026/02/03",
    "03.02.2026",
    "2026-02-03 24:00",
    "2026-02-03 10:60",
    "2026-02-03 10:00:60",
    "2026-02-03 10",
    "2026-02-03T10:00:00+15:00",
    "2026-02-03T10:00:00+25:00",
    "2026-02-03T10:00:00+01:60",
    "2026-02-03T10:00:00 Europe/Berlin",
    "1999-12-31",
    "2101-01-01",
    "0001-01-01",
    "9999-12-31T00:00Z",
    "7",
    "7x",
    "d7",
    "-7d",
    "+7d",
    "1.5h",
    "7d12h",
    "4000d",
    "999999999w",
    "1770112931",
  ])("rejects %j", (input) => {
    expect(parseTimeInput(input, now)).toEqual({ ok: false });
  });

  it("rejects a relative age when now is not a valid date", () => {
    expect(parseTimeInput("7d", new Date(Number.NaN))).toEqual({ ok: false });
  });

  it("returns a Date", () => {
    const result = parseTimeInput("2026-02-03", now);
    expect(result.ok && result.date instanceof Date).toBe(true);
  });
});

describe("timeInputHelp", () => {
  it("names every accepted form", () => {
    for (const part of ["2026-02-01", "2026-02-01 14:30", "+01:00", "90m", "24h", "7d", "UTC"]) {
      expect(timeInputHelpIn("en")).toContain(part);
    }
  });
});
