/**
 * Regressions found in review, each a way the promise ("every new history
 * item posted exactly once, in order") was broken before it was fixed.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { DeliveryError } from "../../src/poller/sender/errors.js";
import { applyAdvance } from "../../src/poller/outbox/outbox.js";
import { createTokenCipher } from "../../src/store/crypto.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Subscription } from "../../src/store/types.js";
import {
  base,
  createHarness,
  deliveredIn,
  type Harness,
  intervalMs,
  item,
  range,
  subscribedMember,
} from "../poller/harness.js";

let t: Harness;
beforeEach(async () => {
  t = await createHarness();
});
afterEach(async () => {
  await t.close();
});

const delivered = (channelId?: string) => deliveredIn(t, channelId);

const setup = (userId = "u1", channelId = "c1") => subscribedMember(t, userId, channelId);

describe("regression: an item that becomes visible late", () => {
  it("is posted even though a newer item was read before it, in an earlier second", async () => {
    const { session } = await setup();
    const poller = t.poller();
    // Two writers: the item of 4.900 s commits after the one of 5.050 s was already read.
    t.fake.addHistory(session, [item(5, { happened: new Date(base + 5050) })]);
    await poller.runCycle();
    t.fake.addHistory(session, [item(4, { happened: new Date(base + 4900) })]);
    t.advance(intervalMs);
    await poller.runCycle();
    t.advance(intervalMs);
    await poller.runCycle();
    expect(delivered("c1")).toEqual([5, 4]);
  });
});

describe("regression: channel-fatal error mid-entry", () => {
  it("a channel-fatal error mid-entry does not re-post the messages already accepted once resumed", async () => {
    const { session, sub } = await setup();
    let calls = 0;
    const poller = t.poller({
      deliver: async (channelId, body) => {
        calls++;
        // Message 1 of the entry goes out; then the bot loses Embed Links / Send Messages.
        if (calls === 2)
          throw new DeliveryError("Missing Permissions", { code: 50013, status: 403 });
        return t.discord.deliver(channelId, body);
      },
    });
    t.fake.addHistory(
      session,
      range(1, 251).map((i) => item(i)),
    );
    await poller.runCycle();
    const firstBatch = delivered("c1");
    expect(firstBatch.length).toBeGreaterThan(0);
    expect((await t.sub(sub.id)).status).toBe("paused");

    // Admin fixes permissions later; meanwhile one more item happened. `/subscribe` resumes.
    t.advance(30 * 60_000);
    t.fake.addHistory(session, [item(300)]);
    const paused = await t.sub(sub.id);
    await t.store.subscriptions.put({
      ...paused,
      status: "active",
      pausedReason: null,
      pausedAt: null,
    });
    await poller.runCycle();

    const all = delivered("c1");
    expect(all.length).toBe(new Set(all).size); // fails: items of message 1 posted twice
  });
});

describe("regression: store races", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "ct-review-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("/unsubscribe (or /unlink) racing a delivery's applyAdvance does not resurrect the subscription", async () => {
    const cipher = createTokenCipher({ current: randomBytes(32), previous: [] });
    const store = await openStore({
      databaseUrl: `sqlite://${join(dir, "bot.sqlite")}`,
      cipher,
      logger: silentLogger(),
    });
    const sub: Subscription = {
      id: "s1",
      guildId: "g",
      channelId: "c1",
      userId: "u1",
      session: 7,
      filters: {},
      createdAt: new Date(0).toISOString(),
      status: "active",
      pausedReason: null,
      pausedAt: null,
      currentSession: 7,
      watermark: "2026-02-10T10:00:00.000Z",
      seenAtWatermark: [],
      lastPostAt: null,
    };
    await store.subscriptions.put(sub);
    // /unsubscribe's delete is queued and waiting on SQLite while the channel's delivery finishes.
    const deleting = store.subscriptions.delete("s1");
    const applied = await applyAdvance(
      store,
      {
        subscriptionId: "s1",
        session: 7,
        watermark: "2026-02-10T10:00:05.000Z",
        seenAtWatermark: [],
      },
      new Date(),
    );
    expect(await deleting).toBe(true);
    expect(applied).toBe(false); // fails: true
    expect(await store.subscriptions.get("s1")).toBeUndefined(); // fails: it is back, and persisted
    await store.close();
  });
});
