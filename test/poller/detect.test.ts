import { describe, expect, it } from "vitest";
import {
  type DeliveryState,
  detectNew,
  fetchFrom,
  matchesFilters,
  normalizeFetched,
} from "../../src/feeds/historyDetect.js";
import { type HistoryItem, historyItemKey } from "../../src/tracker/types.js";

const t0 = Date.parse("2026-02-10T10:00:00.000Z");

function h(ms: number, overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    session: 7,
    type: "ADD",
    unit: 3600,
    source: "DICE",
    dom: false,
    schedule: new Date(t0 + 86_400_000),
    happened: new Date(t0 + ms),
    ...overrides,
  };
}

const none: DeliveryState = { watermark: null, seenAtWatermark: [] };
const iso = (ms: number) => new Date(t0 + ms).toISOString();
const keys = (items: HistoryItem[]) => items.map(historyItemKey);

describe("detectNew", () => {
  it("treats everything as new without a watermark, oldest first", () => {
    const items = [h(0), h(1500), h(3000)];
    const found = detectNew(none, {}, items);
    expect(found.deliver).toEqual(items);
    // Every handled key within the window (a minute before the watermark's second) is kept.
    expect(found.next).toEqual({ watermark: iso(3000), seenAtWatermark: keys(items) });
  });

  it("returns no new state when nothing is new", () => {
    const items = [h(0), h(1000)];
    const state = { watermark: iso(1000), seenAtWatermark: keys(items) };
    expect(detectNew(state, {}, items)).toEqual({ deliver: [], handled: [], next: null });
  });

  it("skips items older than the window, even ones never seen", () => {
    const state = { watermark: iso(90_000), seenAtWatermark: keys([h(90_000)]) };
    expect(detectNew(state, {}, [h(1000), h(29_999), h(90_000)]).handled).toEqual([]);
  });

  it("takes an item that became visible late, older than the watermark but inside the window", () => {
    // Read at 90.000: the item stamped 89.950 was committed after it and shows up only now.
    const state = { watermark: iso(90_000), seenAtWatermark: keys([h(90_000)]) };
    const late = h(89_950, { source: "PENALTY" });
    const found = detectNew(state, {}, [late, h(90_000)]);
    expect(found.deliver).toEqual([late]);
    expect(found.next).toEqual({
      watermark: iso(90_000),
      seenAtWatermark: keys([h(90_000), late]),
    });
    expect(detectNew(found.next!, {}, [late, h(90_000)]).handled).toEqual([]);
  });

  it("in the watermark's second, a seen key is old and a different record is new", () => {
    const seen = h(2100);
    const sibling = h(2100, { source: "LUCK" });
    const earlierInSecond = h(2050, { type: "SUB" });
    const state = { watermark: iso(2100), seenAtWatermark: keys([seen]) };
    const found = detectNew(state, {}, [earlierInSecond, seen, sibling]);
    expect(found.deliver).toEqual([earlierInSecond, sibling]);
    // Same second: earlier keys are kept, the watermark never moves back.
    expect(found.next).toEqual({
      watermark: iso(2100),
      seenAtWatermark: keys([seen, earlierInSecond, sibling]),
    });
  });

  it("handles three items sharing one millisecond plus a later one", () => {
    const tied = [h(4123, { source: "DICE" }), h(4123, { source: "LUCK" }), h(4123, { dom: true })];
    const later = h(6000);
    const first = detectNew(none, {}, tied);
    expect(first.deliver).toEqual(tied);
    expect(first.next?.seenAtWatermark).toEqual(keys(tied));
    const state = first.next!;
    // The next read starts at the watermark's second again: only the later item is new.
    const second = detectNew(state, {}, [...tied, later]);
    expect(second.deliver).toEqual([later]);
    expect(second.next).toEqual({ watermark: iso(6000), seenAtWatermark: keys([...tied, later]) });
  });

  it("seen keys cover the whole window, not just the newest millisecond, and drop what left it", () => {
    const a = h(7001);
    const b = h(7999, { source: "LINK" });
    const found = detectNew(none, {}, [h(6000), a, b]);
    expect(found.next).toEqual({ watermark: iso(7999), seenAtWatermark: keys([h(6000), a, b]) });
    // 67.5 s: the window now starts at second 7, so the item of second 6 is forgotten.
    const muchLater = h(67_500);
    const next = detectNew(found.next!, {}, [h(6000), a, b, muchLater]);
    expect(next.next).toEqual({ watermark: iso(67_500), seenAtWatermark: keys([a, b, muchLater]) });
  });

  it("handles filtered-out items without posting them", () => {
    const dice = h(1000);
    const luck = h(2000, { source: "LUCK" });
    const found = detectNew(none, { source: "DICE" }, [dice, luck]);
    expect(found.deliver).toEqual([dice]);
    expect(found.handled).toEqual([dice, luck]);
    expect(found.next?.watermark).toBe(iso(2000));
    const onlyFiltered = detectNew(found.next!, { source: "DICE" }, [
      dice,
      luck,
      h(3000, { source: "LUCK" }),
    ]);
    expect(onlyFiltered.deliver).toEqual([]);
    expect(onlyFiltered.next?.watermark).toBe(iso(3000));
  });

  it("counts a repeated record once", () => {
    const a = h(1000);
    const found = detectNew(none, {}, [a, { ...a }, h(2000)]);
    expect(found.deliver).toHaveLength(2);
  });

  it("reads an unreadable watermark as none", () => {
    expect(
      detectNew({ watermark: "garbage", seenAtWatermark: [] }, {}, [h(0)]).deliver,
    ).toHaveLength(1);
  });
});

describe("matchesFilters", () => {
  it("applies type, source and dom together", () => {
    const start = h(0, { type: "START", unit: null, source: null });
    expect(matchesFilters(start, { type: "START" })).toBe(true);
    expect(matchesFilters(start, { source: "DICE" })).toBe(false);
    expect(matchesFilters(h(0, { dom: true }), { dom: true, type: "ADD" })).toBe(true);
    expect(matchesFilters(h(0, { dom: false }), { dom: true })).toBe(false);
    expect(matchesFilters(h(0, { type: "SUB" }), { type: "ADD" })).toBe(false);
    expect(matchesFilters(h(0), {})).toBe(true);
  });
});

describe("normalizeFetched", () => {
  it("reverses the tracker's newest-first order and keeps the order of ties", () => {
    const newestFirst = [
      h(3000),
      h(2000, { source: "DICE" }),
      h(2000, { source: "LUCK" }),
      h(1000),
    ];
    expect(normalizeFetched(newestFirst)).toEqual([...newestFirst].reverse());
  });

  it("drops a record repeated at a page boundary", () => {
    const tie = h(2000);
    const pages = [h(3000), tie, /* next page */ { ...tie }, h(1000)];
    expect(normalizeFetched(pages)).toEqual([h(1000), tie, h(3000)]);
  });

  it("puts items merged in from a re-read of a boundary second in place", () => {
    const skipped = h(2000, { type: "SUB" });
    const chain = [h(3000), h(2000), h(1000)];
    const reread = [h(2000), skipped];
    const result = normalizeFetched([...chain, ...reread]);
    expect(result.map((i) => i.happened.getTime() - t0)).toEqual([1000, 2000, 2000, 3000]);
    expect(keys(result)).toContain(historyItemKey(skipped));
  });

  it("with the tie at the page boundary, the next read from the watermark second recovers the skipped record", () => {
    // Page 1 ended on `a`; the tracker's cursor then skipped `b` (equal in happened, schedule, source).
    const a = h(5000, { type: "ADD" });
    const b = h(5000, { type: "SUB" });
    const firstRead = normalizeFetched([h(5000, { source: "LUCK" }), a, h(4000)]);
    const state = detectNew(none, {}, firstRead).next!;
    const nextRead = normalizeFetched([h(5000, { source: "LUCK" }), a, b, h(4000)]);
    expect(detectNew(state, {}, nextRead).deliver).toEqual([b]);
  });
});

describe("fetchFrom", () => {
  it("is the start of the oldest watermark's window: its second, a minute back", () => {
    expect(fetchFrom([iso(5500), iso(2750), iso(9000)])).toEqual(new Date(t0 + 2000 - 60_000));
  });

  it("has no bound when any subscription has no watermark", () => {
    expect(fetchFrom([iso(5500), null])).toBeUndefined();
    expect(fetchFrom([])).toBeUndefined();
  });
});
