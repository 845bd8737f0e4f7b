import { describe, expect, it } from "vitest";
import { advanceCardState, initialCardState, netToday } from "../../src/cards/state.js";
import type { HistoryItem } from "../../src/tracker/types.js";

const day = 86_400_000;
const now = Date.parse("2026-03-10T12:00:00Z");
const item = (ago: number, unit: number, type: "ADD" | "SUB" = "ADD"): HistoryItem => ({
  session: 7,
  type,
  unit,
  source: "DICE",
  dom: false,
  schedule: new Date(now + 10 * day + ago),
  happened: new Date(now - ago),
});
const session = {
  start: new Date(now - 20 * day),
  scheduledEnd: new Date(now + 10 * day),
  end: null,
  openGames: ["dice", "link"],
};

describe("card state", () => {
  it("counts the whole session once: totals, today, the last seven days, the last change", () => {
    const history = [item(15 * day, 3600), item(3 * day, 600, "SUB"), item(60_000, 120)];
    const state = initialCardState(session, history, now);
    expect(state.added).toBe(3720);
    expect(state.removed).toBe(600);
    expect(netToday(state, now)).toEqual({ today: 120, week: -480 });
    expect(state.last?.seconds).toBe(120);
    expect(state.games).toEqual(["dice", "link"]);
    // Days older than eight are not kept (the totals still count them).
    expect(Object.keys(state.days).every((d) => d >= "2026-03-03")).toBe(true);
  });

  it("counts an item of a read once, however often reads repeat it, and a late one too", () => {
    const base = initialCardState(session, [item(600_000, 60)], now);
    const read = [item(600_000, 60), item(30_000, 300)];
    const once = advanceCardState(base, read, now);
    expect(once?.added).toBe(360);
    expect(advanceCardState(once!, read, now)).toBeUndefined();
    // Stamped earlier than one already counted, within the late window: still counted once.
    const late = { ...item(40_000, 5), source: "LUCK" as const };
    const after = advanceCardState(once!, [...read, late], now);
    expect(after?.added).toBe(365);
    expect(after?.last?.source).toBe("DICE");
  });
});
