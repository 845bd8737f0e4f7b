import { afterAll, beforeAll, expect, it } from "vitest";

/** The zones every date-sensitive format test runs in: a local-time slip shows in the second. */
export const zones = ["UTC", "Pacific/Auckland"] as const;

/**
 * Inside a `describe.each(zones)`: switches process.env.TZ for the block (Node
 * honours it at run time), restores it after, and proves the switch happened.
 */
export function useZone(zone: (typeof zones)[number]): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  it("runs in the intended zone", () => {
    const offset = new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset();
    expect(offset).toBe(zone === "UTC" ? 0 : -780);
  });
}
