import { afterAll, beforeAll, expect, it } from "vitest";
import { detectNew, normalizeFetched } from "../../src/feeds/historyDetect.js";
import { startingStateFor } from "../../src/subscriptions/start.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import type { HistoryItem, TrackerClient } from "../../src/tracker/types.js";
import { type FakeTracker, startFakeTracker } from "../fakes/tracker.js";

let fake: FakeTracker;
let client: TrackerClient;
const token = "tok_start_state_00112233445566778899";

beforeAll(async () => {
  fake = await startFakeTracker();
  client = createTrackerClient({ baseUrl: fake.url });
  fake.addToken(token, { nick: "lucy" });
});
afterAll(async () => {
  await client.close();
  await fake.close();
});

async function everything(session: number): Promise<HistoryItem[]> {
  const all: HistoryItem[] = [];
  for await (const item of client.iterateHistories(token, { session, limit: 200 })) all.push(item);
  return normalizeFetched(all);
}

it("marks every existing item as handled, even when the window holds more than one page", async () => {
  const session = fake.addSession(token, { active: true });
  const start = Date.parse("2026-02-03T10:00:00Z");
  // 250 items in the last 25 seconds, plus older ones: more than one 200-item page.
  fake.addHistory(session, [
    ...Array.from({ length: 30 }, (_, i) => ({
      unit: 60,
      happened: new Date(start - 600_000 + i * 1000),
    })),
    ...Array.from({ length: 250 }, (_, i) => ({
      unit: 60 + i,
      happened: new Date(start + i * 100),
    })),
  ]);
  const state = await startingStateFor(client, token, session);
  expect(state.watermark).toBe(new Date(start + 249 * 100).toISOString());
  expect(detectNew(state, {}, await everything(session)).handled).toEqual([]);
});

it("starts from nothing in a session without items", async () => {
  const session = fake.addSession(token, { active: true });
  expect(await startingStateFor(client, token, session)).toEqual({
    watermark: null,
    seenAtWatermark: [],
  });
});
