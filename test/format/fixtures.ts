import type { HistoryItem } from "../../src/tracker/types.js";

/** The docs' example item (a dice roll adding a day), with any field overridden. */
export function item(overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    session: 123,
    type: "ADD",
    unit: 86_400,
    source: "DICE",
    dom: false,
    schedule: new Date(Date.UTC(2026, 1, 11)),
    happened: new Date(Date.UTC(2026, 1, 3, 10, 2, 11, 456)),
    ...overrides,
  };
}
