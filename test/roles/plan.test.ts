import { describe, expect, it } from "vitest";
import { auditReason, configRoles, desiredRoles } from "../../src/roles/plan.js";
import type { RoleConfig } from "../../src/store/types.js";

const config: RoleConfig = {
  guildId: "1",
  locked: "10",
  unlocked: "11",
  linked: "12",
  setBy: "2",
  locale: "de",
  setAt: "2026-02-01T00:00:00.000Z",
  problem: null,
  problemRoleId: null,
  pausedAt: null,
};

describe("desiredRoles", () => {
  it("adds what is missing and removes what is extra for the state", () => {
    expect(desiredRoles(config, "locked", new Set(["11", "99"]))).toEqual({
      add: ["12", "10"],
      remove: ["11"],
    });
    expect(desiredRoles(config, "unlocked", new Set(["10", "12"]))).toEqual({
      add: ["11"],
      remove: ["10"],
    });
  });

  it("changes nothing when the roles are right, and leaves other roles alone", () => {
    expect(desiredRoles(config, "locked", new Set(["10", "12", "99"]))).toEqual({
      add: [],
      remove: [],
    });
  });

  it("before the first lookup manages only the linked role", () => {
    expect(desiredRoles(config, null, new Set(["10", "11"]))).toEqual({ add: ["12"], remove: [] });
  });

  it("without optional roles gives only the locked one", () => {
    const bare = { ...config, unlocked: null, linked: null };
    expect(configRoles(bare)).toEqual(["10"]);
    expect(desiredRoles(bare, "unlocked", new Set(["10"]))).toEqual({ add: [], remove: ["10"] });
  });
});

describe("auditReason", () => {
  it("is in the admin's language", () => {
    expect(auditReason(config, "locked")).toMatch(/^Chastity Tracker: Session aktiv/);
    expect(auditReason(undefined, "withdrawn")).toBe("Chastity Tracker: role sync turned off");
  });
});
