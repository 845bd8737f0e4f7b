import { afterEach, describe, expect, it } from "vitest";
import { clampLimit, historiesParams, sessionsParams } from "../../src/tracker/client.js";
import { TrackerValidationError } from "../../src/tracker/errors.js";
import { formatTrackerDateTime, parseTrackerDateTime } from "../../src/tracker/format.js";
import { retryDelay } from "../../src/tracker/http.js";
import { parseRetryAfter } from "../../src/tracker/response.js";

describe("formatTrackerDateTime", () => {
  it("formats in UTC, floored to the second", () => {
    expect(formatTrackerDateTime(new Date(Date.UTC(2026, 1, 3, 10, 2, 11, 999)))).toBe(
      "2026-02-03 10:02:11",
    );
    expect(formatTrackerDateTime(new Date(Date.UTC(2026, 11, 31, 23, 59, 59, 0)))).toBe(
      "2026-12-31 23:59:59",
    );
  });

  it("rejects an invalid date", () => {
    expect(() => formatTrackerDateTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("parseTrackerDateTime", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it("reads the wire format as UTC whatever the process time zone", () => {
    process.env.TZ = "Pacific/Auckland";
    // Proves the zone switch took effect: naive parsing would now be 13 hours off.
    expect(new Date("2026-02-03T10:02:11.456").getTime()).not.toBe(1770112931456);
    expect(parseTrackerDateTime("2026-02-03 10:02:11.456")?.getTime()).toBe(1770112931456);
    expect(parseTrackerDateTime("2026-02-03 10:02:11")?.getTime()).toBe(1770112931000);
    expect(formatTrackerDateTime(new Date(1770112931456))).toBe("2026-02-03 10:02:11");
  });

  it("accepts ISO forms defensively", () => {
    expect(parseTrackerDateTime("2026-02-03T10:02:11.456Z")?.getTime()).toBe(1770112931456);
    expect(parseTrackerDateTime("2026-02-03T11:02:11.456+01:00")?.getTime()).toBe(1770112931456);
    expect(parseTrackerDateTime("2026-02-03T05:32:11.456-0430")?.getTime()).toBe(1770112931456);
    expect(parseTrackerDateTime("2026-02-03 10:02:11.456789")?.getTime()).toBe(1770112931456);
    expect(parseTrackerDateTime("2026-02-03 10:02:11.4")?.getTime()).toBe(1770112931400);
    expect(parseTrackerDateTime("2026-02-03")?.getTime()).toBe(Date.UTC(2026, 1, 3));
    expect(parseTrackerDateTime("2026-02-03T10:02Z")?.getTime()).toBe(1770112920000);
  });

  it.each([
    "",
    "yesterday",
    "2026-02-30 00:00:00",
    "2026-13-01 00:00:00",
    "2026-02-03 24:00:00",
    "0000-00-00 00:00:00",
    "2026-02-03 10",
    "2026-02-03 10:02:11 UTC",
    "1770112931456",
  ])("rejects %j", (text) => {
    expect(parseTrackerDateTime(text)).toBeUndefined();
  });
});

describe("query building", () => {
  it("sends every documented histories parameter in the documented form", () => {
    const params = historiesParams({
      session: 123,
      type: "ADD",
      source: "DICE",
      dom: true,
      from: new Date(Date.UTC(2026, 1, 3, 9, 30, 7, 123)),
      to: new Date(Date.UTC(2026, 1, 4, 0, 0, 0, 1)),
      limit: 1000,
      cursor: "abc",
    });
    expect(Object.fromEntries(params)).toEqual({
      session: "123",
      type: "ADD",
      source: "DICE",
      dom: "1",
      from: "2026-02-03 09:30:07",
      to: "2026-02-04 00:00:00",
      limit: "200",
      cursor: "abc",
    });
    expect(historiesParams({ session: 1, dom: false }).get("dom")).toBe("0");
    expect(historiesParams({ session: 1, cursor: "" }).has("cursor")).toBe(false);
  });

  it("refuses a bad session id without a request", () => {
    for (const session of [0, -4, 1.5, Number.NaN]) {
      expect(() => historiesParams({ session })).toThrow(TrackerValidationError);
    }
  });

  it("clamps limit into 1..200", () => {
    expect(clampLimit(undefined)).toBeUndefined();
    expect(clampLimit(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(clampLimit(0)).toBe(1);
    expect(clampLimit(-3)).toBe(1);
    expect(clampLimit(50.7)).toBe(50);
    expect(clampLimit(201)).toBe(200);
  });

  it("builds sessions parameters", () => {
    expect(
      Object.fromEntries(
        sessionsParams({
          active: true,
          public: false,
          from: "2026-01-01",
          to: "2026-02-01",
          limit: 999,
          offset: -5,
        }),
      ),
    ).toEqual({
      active: "1",
      public: "0",
      from: "2026-01-01",
      to: "2026-02-01",
      limit: "200",
      offset: "0",
    });
    expect(sessionsParams({}).toString()).toBe("");
  });
});

describe("retry helpers", () => {
  it("parses Retry-After seconds and HTTP dates", () => {
    const now = Date.UTC(2026, 1, 3, 10, 0, 0);
    expect(parseRetryAfter("7", now)).toBe(7000);
    expect(parseRetryAfter(["3", "9"], now)).toBe(3000);
    expect(parseRetryAfter("Tue, 03 Feb 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Tue, 03 Feb 2026 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("backs off exponentially with bounded jitter", () => {
    expect(retryDelay(0, 500, () => 0)).toBe(250);
    expect(retryDelay(0, 500, () => 1)).toBe(500);
    expect(retryDelay(2, 500, () => 0.5)).toBe(1500);
    expect(retryDelay(20, 500, () => 1)).toBe(30_000);
  });
});
