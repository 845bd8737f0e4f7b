import { describe, expect, it } from "vitest";
import { checkNote } from "../../src/subscriptions/describe.js";

describe("the /subscriptions check note", () => {
  it("says how often a stretched subscription is checked, and nothing at the base interval", () => {
    expect(checkNote("en", undefined)).toBe("");
    const quiet = checkNote("en", { intervalMs: 300_000, reason: "quiet", sharedBy: 40 });
    expect(quiet).toContain(
      "checked about every 5 min: the tracker budget is shared by 40 sessions",
    );
    expect(quiet).not.toContain("15 intervals");
  });

  it("says so when even 15 intervals do not fit every session, with the bound in force", () => {
    const overloaded = { intervalMs: 30 * 60_000, reason: "overloaded", sharedBy: 3000 } as const;
    const note = checkNote("en", { ...overloaded, boundMs: 60 * 60_000 });
    expect(note).toContain("checked about every 30 min");
    expect(note).toContain("more sessions than the budget can read every 15 intervals");
    expect(note).toContain("each is still read at least every 60 min");
    expect(
      checkNote("en", { ...overloaded, intervalMs: 80_000, sharedBy: 40, boundMs: 80_000 }),
    ).toContain("at least every 80 s");
    for (const locale of ["de", "fr", "es", "nl"] as const) {
      expect(checkNote(locale, { ...overloaded, boundMs: 60 * 60_000 })).toMatch(/ 60 Min\.?[ ,]/i);
    }
    expect(
      checkNote("de", { intervalMs: 30 * 60_000, reason: "overloaded", sharedBy: 3000 }),
    ).toContain("mehr Sessions, als das Budget alle 15 Intervalle lesen kann");
  });
});
