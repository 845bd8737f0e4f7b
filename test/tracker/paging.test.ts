import { describe, expect, it } from "vitest";
import { type HistoryItem, historyItemKey } from "../../src/tracker/types.js";
import type { FakeHistoryInput } from "../fakes/tracker.js";
import { fingerprint } from "../fakes/tracker.js";
import { setup, TOKEN } from "./harness.js";

async function collect(iterable: AsyncIterable<HistoryItem>): Promise<HistoryItem[]> {
  const items: HistoryItem[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Non-increasing happened, then schedule non-increasing, then source ascending. */
function assertTrackerOrder(items: HistoryItem[]): void {
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    const dh = a.happened.getTime() - b.happened.getTime();
    const ds = (a.schedule?.getTime() ?? 0) - (b.schedule?.getTime() ?? 0);
    expect(
      dh > 0 || (dh === 0 && (ds > 0 || (ds === 0 && (a.source ?? "") <= (b.source ?? "")))),
    ).toBe(true);
  }
}

describe("iterateHistories", () => {
  it.each([
    [200, 3],
    [50, 9],
  ])("returns 450 items exactly once, in order, with limit %i (%i pages)", async (limit, pages) => {
    const { fake, client, sessionId } = await setup();
    fake.addHistory(
      sessionId,
      Array.from({ length: 450 }, (_, i): FakeHistoryInput => ({ unit: i + 1 })),
    );
    const items = await collect(client.iterateHistories(TOKEN, { session: sessionId, limit }));

    expect(items).toHaveLength(450);
    expect(new Set(items.map(historyItemKey)).size).toBe(450);
    // Items were added one second apart with unit = position, so newest first means 450..1.
    expect(items.map((i) => i.unit)).toEqual(Array.from({ length: 450 }, (_, i) => 450 - i));
    assertTrackerOrder(items);
    expect(fake.requests).toHaveLength(pages);
    expect(fake.requests.every((r) => r.query.limit === String(limit))).toBe(true);
    expect(fake.requests[0]?.query.cursor).toBeUndefined();
    expect(fake.requests.slice(1).every((r) => typeof r.query.cursor === "string")).toBe(true);
    expect(new Set(fake.requests.map((r) => r.tokenFingerprint))).toEqual(
      new Set([fingerprint(TOKEN)]),
    );
  });

  it("walks ties on the same happened millisecond across page boundaries", async () => {
    const { fake, client, sessionId } = await setup();
    const happened = "2026-02-03 10:02:11.456";
    const sources = ["DICE", "LINK", "LUCK", "MANUAL", "PENALTY"] as const;
    fake.addHistory(sessionId, [
      { happened: "2026-02-03 10:02:12.000", unit: 1 },
      ...sources.flatMap((source, i): FakeHistoryInput[] => [
        { happened, source, schedule: "2026-02-10 00:00:00", unit: 100 + i },
        { happened, source, schedule: "2026-02-11 00:00:00", unit: 200 + i },
      ]),
      { happened: "2026-02-03 10:02:11.455", unit: 2 },
    ]);
    for (const limit of [1, 3, 4, 7]) {
      const items = await collect(client.iterateHistories(TOKEN, { session: sessionId, limit }));
      expect(items.map((i) => i.unit)).toEqual([
        1, 200, 201, 202, 203, 204, 100, 101, 102, 103, 104, 2,
      ]);
      assertTrackerOrder(items);
    }
  });

  it("mirrors the real cursor: items equal in (happened, schedule, source) split by a page are lost", async () => {
    // Documented in api-notes: the poller must re-read from its watermark second to recover these.
    const { fake, client, sessionId } = await setup();
    const twin = {
      happened: "2026-02-03 10:00:00.000",
      schedule: "2026-02-10 00:00:00",
      source: "DICE",
    } as const;
    fake.addHistory(sessionId, [
      { ...twin, dom: false },
      { ...twin, dom: true },
    ]);
    const paged = await collect(client.iterateHistories(TOKEN, { session: sessionId, limit: 1 }));
    expect(paged).toHaveLength(1);
    const whole = await collect(client.iterateHistories(TOKEN, { session: sessionId, limit: 2 }));
    expect(whole.map((i) => i.dom)).toEqual([false, true]);
  });

  it("keeps the filters on every page and stops on the last one", async () => {
    const { fake, client, sessionId } = await setup();
    fake.addHistory(sessionId, [
      { type: "START", happened: "2026-02-03 09:00:00.000" },
      ...Array.from(
        { length: 6 },
        (_, i): FakeHistoryInput => ({
          happened: `2026-02-03 10:00:0${i}.500`,
          dom: i % 2 === 0,
          source: "DOM",
          unit: i,
        }),
      ),
    ]);
    const items = await collect(
      client.iterateHistories(TOKEN, {
        session: sessionId,
        dom: true,
        source: "DOM",
        type: "ADD",
        from: new Date(Date.UTC(2026, 1, 3, 10, 0, 0, 900)),
        limit: 1,
      }),
    );
    // from is floored to 10:00:00 so 10:00:00.500 (unit 0) is included.
    expect(items.map((i) => i.unit)).toEqual([4, 2, 0]);
    expect(fake.requests).toHaveLength(3);
    for (const r of fake.requests) {
      expect(r.query).toMatchObject({
        dom: "1",
        source: "DOM",
        type: "ADD",
        from: "2026-02-03 10:00:00",
      });
    }
  });
});

describe("histories page", () => {
  it("returns one page with cursorNext and honours inclusive from/to", async () => {
    const { fake, client, sessionId } = await setup();
    fake.addHistory(
      sessionId,
      Array.from(
        { length: 5 },
        (_, i): FakeHistoryInput => ({ happened: `2026-02-03 10:00:0${i}.000`, unit: i }),
      ),
    );
    const page = await client.histories(TOKEN, {
      session: sessionId,
      from: new Date(Date.UTC(2026, 1, 3, 10, 0, 1)),
      to: new Date(Date.UTC(2026, 1, 3, 10, 0, 3, 700)),
      limit: 2,
    });
    expect(page.items.map((i) => i.unit)).toEqual([3, 2]);
    expect(page.count).toBe(2);
    expect(page.limit).toBe(2);
    expect(page.cursorNext).toEqual(expect.any(String));
    const next = await client.histories(TOKEN, {
      session: sessionId,
      limit: 2,
      cursor: page.cursorNext,
      from: new Date(Date.UTC(2026, 1, 3, 10, 0, 1)),
    });
    expect(next.items.map((i) => i.unit)).toEqual([1]);
    expect(next.cursorNext).toBeUndefined();
  });

  it("sends the documented headers", async () => {
    const { fake, client, sessionId } = await setup({ userAgent: "test-agent/1" });
    await client.histories(TOKEN, { session: sessionId });
    expect(fake.requests[0]).toMatchObject({
      method: "GET",
      path: "/api/v2/histories.php",
      query: { session: String(sessionId) },
      hasAuth: true,
      owner: "alice",
      accept: "application/json",
      userAgent: "test-agent/1",
      status: 200,
    });
  });
});
