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

  it("says so when even 15 intervals do not fit every session", () => {
    const note = checkNote("en", { intervalMs: 30 * 60_000, reason: "overloaded", sharedBy: 3000 });
    expect(note).toContain("checked about every 30 min");
    expect(note).toContain("more sessions than the budget can read every 15 intervals");
    expect(
      checkNote("de", { intervalMs: 30 * 60_000, reason: "overloaded", sharedBy: 3000 }),
    ).toContain("mehr Sessions, als das Budget alle 15 Intervalle lesen kann");
  });
});
