import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchSourceItems, pageLimit } from "../../src/feeds/historyFetch.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import { TrackerUnexpectedResponseError } from "../../src/tracker/errors.js";
import type { HistoriesPage, TrackerClient } from "../../src/tracker/types.js";
import { type FakeTracker, startFakeTracker } from "../fakes/tracker.js";
import { base, item } from "./harness.js";

describe("fetchSourceItems against the fake tracker", () => {
  let fake: FakeTracker;
  let tracker: TrackerClient;
  const token = "fetch-token-0123456789";

  beforeEach(async () => {
    fake = await startFakeTracker();
    tracker = createTrackerClient({ baseUrl: fake.url, retries: 0 });
    fake.addToken(token);
  });
  afterEach(async () => {
    await tracker.close();
    await fake.close();
  });

  it("reads every page from `from` on, oldest first", async () => {
    const session = fake.addSession(token);
    fake.addHistory(
      session,
      Array.from({ length: 450 }, (_, i) => item(i)),
    );
    const result = await fetchSourceItems(tracker, token, session, new Date(base + 10_000));
    expect(result.items).toHaveLength(440);
    expect(result.items.map((i) => i.happened.getTime() - base)).toEqual(
      Array.from({ length: 440 }, (_, i) => (i + 10) * 1000),
    );
    const histories = fake.requests.filter((r) => r.endpoint === "histories");
    expect(histories[0]?.query).toMatchObject({
      from: "2026-02-10 10:00:10",
      limit: String(pageLimit),
    });
    // Three pages, plus one re-read of the second each full page ended in.
    expect(result.requests).toBe(5);
  });

  it("recovers the record the tracker's own paging skips at a page boundary", async () => {
    const session = fake.addSession(token);
    const tie = { happened: new Date(base + 1000), schedule: new Date(base + 86_400_000) };
    fake.addHistory(session, [
      item(0),
      // Equal in (happened, schedule, source), the cursor's whole key: X ends page 1, Y is skipped.
      item(1, { ...tie, type: "ADD" }),
      item(1, { ...tie, type: "SUB" }),
      ...Array.from({ length: 199 }, (_, i) => item(i + 2)),
    ]);
    const plain: string[] = [];
    for await (const found of tracker.iterateHistories(token, { session, limit: 200 })) {
      plain.push(found.type);
    }
    expect(plain).toHaveLength(201);

    const result = await fetchSourceItems(tracker, token, session, undefined);
    expect(result.items).toHaveLength(202);
    const times = result.items.map((i) => i.happened.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const types = result.items
      .filter((i) => i.happened.getTime() === base + 1000)
      .map((i) => i.type);
    expect(types.sort()).toEqual(["ADD", "SUB"]);
    const reread = fake.requests.filter((r) => r.query.to !== undefined);
    expect(reread.map((r) => [r.query.from, r.query.to])).toEqual([
      ["2026-02-10 10:00:01", "2026-02-10 10:00:02"],
    ]);
  });

  it("fails the source instead of paging forever", async () => {
    const looping: TrackerClient = {
      ...tracker,
      histories: async (): Promise<HistoriesPage> => ({
        count: 0,
        limit: 200,
        items: [],
        cursorNext: "same",
      }),
    };
    await expect(fetchSourceItems(looping, token, 1, undefined)).rejects.toBeInstanceOf(
      TrackerUnexpectedResponseError,
    );
  });
});
