/** Which weekly digest is due: pure, over wall dates, the zone, day/hour and the last week posted. */
import { describe, expect, it } from "vitest";
import { dueDigest, latestSlot } from "../../src/digest/week.js";

const utc = { zone: "UTC", day: "monday", hour: 9 } as const;
const at = (iso: string) => Date.parse(iso);
// 2026-12-07 is a Monday (ISO week 50).
const setUp = at("2026-12-01T00:00:00Z");

describe("dueDigest", () => {
  it("is not due before the hour, due from the hour on, named by the slot's ISO week", () => {
    expect(dueDigest(at("2026-12-07T08:59:59Z"), utc, at("2026-12-06T00:00:00Z"), null)).toBe(
      undefined,
    );
    const due = dueDigest(at("2026-12-07T09:00:00Z"), utc, setUp, null);
    expect(due).toEqual({
      week: "2026-W50",
      slotMs: at("2026-12-07T09:00:00Z"),
      fromMs: at("2026-11-30T09:00:00Z"),
    });
  });

  it("a missed hour stays due (posted late, same week) until the week is recorded", () => {
    const late = dueDigest(at("2026-12-10T17:00:00Z"), utc, setUp, "2026-W49");
    expect(late?.week).toBe("2026-W50");
    expect(late?.slotMs).toBe(at("2026-12-07T09:00:00Z"));
    expect(dueDigest(at("2026-12-10T17:00:00Z"), utc, setUp, "2026-W50")).toBe(undefined);
    // The next Monday's hour makes the next week due.
    expect(dueDigest(at("2026-12-14T09:00:00Z"), utc, setUp, "2026-W50")?.week).toBe("2026-W51");
  });

  it("never a week before the digest was set up, nor again after a clock step back", () => {
    // Set up on Tuesday: Monday's hour of that week is not owed.
    expect(dueDigest(at("2026-12-08T12:00:00Z"), utc, at("2026-12-08T10:00:00Z"), null)).toBe(
      undefined,
    );
    expect(dueDigest(at("2026-12-07T10:00:00Z"), utc, setUp, "2026-W51")).toBe(undefined);
  });

  it("reads the day and hour in the member's zone", () => {
    const berlin = { zone: "Europe/Berlin", day: "monday", hour: 0 } as const;
    // Monday 00:00 in Berlin (winter, UTC+1) is Sunday 23:00 UTC.
    const early = at("2026-11-01T00:00:00Z");
    expect(dueDigest(at("2026-12-06T22:59:00Z"), berlin, early, null)?.week).toBe("2026-W49");
    expect(dueDigest(at("2026-12-06T23:00:00Z"), berlin, setUp, null)).toMatchObject({
      week: "2026-W50",
      slotMs: at("2026-12-06T23:00:00Z"),
    });
    // Across the switch to summer time the week is 7 calendar days (167 hours).
    const march = latestSlot(at("2027-03-29T12:00:00Z"), berlin);
    expect(march.slotMs - march.fromMs).toBe(167 * 3_600_000);
  });

  it("a Sunday slot belongs to the ISO week that ends with it, across the year's end", () => {
    const sunday = { zone: "UTC", day: "sunday", hour: 20 } as const;
    expect(dueDigest(at("2027-01-03T21:00:00Z"), sunday, setUp, null)?.week).toBe("2026-W53");
    expect(dueDigest(at("2027-01-10T21:00:00Z"), sunday, setUp, "2026-W53")?.week).toBe("2027-W01");
  });
});
