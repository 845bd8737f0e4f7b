import { describe, expect, it } from "vitest";
import { backoffDelay, createBackoff } from "../../src/util/backoff.js";
import { classifyDeliveryError, DeliveryError } from "../../src/poller/sender/errors.js";
import { pauseNotice } from "../../src/poller/pause/notices.js";
import { channelGroups } from "../../src/feeds/group.js";
import { mergeState } from "../../src/feeds/historyDetect.js";
import { createOutboxEntry, messageNonce } from "../../src/poller/outbox/outbox.js";
import { createLimiter, mapLimit } from "../../src/util/limit.js";
import { type HistoryItem, historyItemKey } from "../../src/tracker/types.js";
import { channelPart } from "./parts.js";

const t0 = Date.parse("2026-02-10T10:00:00.000Z");
const h = (ms: number, overrides: Partial<HistoryItem> = {}): HistoryItem => ({
  session: 7,
  type: "ADD",
  unit: 60,
  source: "DICE",
  dom: false,
  schedule: null,
  happened: new Date(t0 + ms),
  ...overrides,
});
const iso = (ms: number) => new Date(t0 + ms).toISOString();

describe("messageNonce", () => {
  it("is short, URL-safe and deterministic", () => {
    const nonce = messageNonce("123456789012345678", ["a", "b"], 0);
    expect(nonce).toHaveLength(25);
    expect(nonce).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(messageNonce("123456789012345678", ["a", "b"], 0)).toBe(nonce);
    expect(messageNonce("123456789012345678", ["a", "b"], 1)).not.toBe(nonce);
    expect(messageNonce("123456789012345679", ["a", "b"], 0)).not.toBe(nonce);
    expect(messageNonce("123456789012345678", ["a", "c"], 0)).not.toBe(nonce);
  });
});

describe("createOutboxEntry", () => {
  it("builds the exact REST bodies, with progress 0 and the advances", () => {
    const next = { watermark: iso(2000), seenAtWatermark: ["k"] };
    const { entry, itemCount } = createOutboxEntry(
      "c1",
      [
        channelPart({
          subscriptionId: "s1",
          userId: "u1",
          nick: "Nick",
          session: 7,
          items: [h(1000), h(2000)],
          next,
        }),
      ],
      new Date(t0),
    );
    expect(itemCount).toBe(2);
    expect(entry.sent).toBe(0);
    expect(entry.advances).toEqual([{ subscriptionId: "s1", session: 7, ...next }]);
    expect(entry.messages).toHaveLength(1);
    const [message] = entry.messages;
    expect(message?.body).toMatchObject({
      nonce: message?.nonce,
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(JSON.parse(JSON.stringify(entry))).toEqual(entry);
  });
});

describe("channelGroups", () => {
  it("merges subscriptions of one member and session, once per item, oldest first", () => {
    const next = { watermark: iso(0), seenAtWatermark: [] };
    const part = (id: string, userId: string, session: number, items: HistoryItem[]) =>
      channelPart({ subscriptionId: id, userId, nick: "", session, items, next });
    const groups = channelGroups([
      part("s1", "u1", 7, [h(3000), h(5000)]),
      part("s2", "u1", 7, [h(1000), h(3000)]),
      part("s3", "u2", 9, [h(2000, { session: 9 })]),
    ]);
    expect(groups.map(({ group, keys }) => [group.userId, keys])).toEqual([
      ["u1", [h(1000), h(3000), h(5000)].map(historyItemKey)],
      ["u2", [historyItemKey(h(2000, { session: 9 }))]],
    ]);
    expect(groups[0]?.group).not.toHaveProperty("nick");
  });
});

describe("mergeState", () => {
  it("never moves back and merges keys within one second", () => {
    // Keys end in the item's `happened` ms, as historyItemKey makes them.
    const k = (name: string, ms: number) => `${name}|${t0 + ms}`;
    const current = { watermark: iso(5200), seenAtWatermark: [k("a", 5200)] };
    expect(mergeState(current, { watermark: iso(4000), seenAtWatermark: [k("x", 4000)] })).toEqual(
      current,
    );
    expect(
      mergeState(current, { watermark: iso(5100), seenAtWatermark: [k("a", 5200), k("b", 5100)] }),
    ).toEqual({
      watermark: iso(5200),
      seenAtWatermark: [k("a", 5200), k("b", 5100)],
    });
    const later = { watermark: iso(6000), seenAtWatermark: [k("c", 6000)] };
    expect(mergeState(current, later)).toEqual(later);
    expect(mergeState({ watermark: null, seenAtWatermark: [] }, later)).toEqual(later);
  });

  it("forgets seen keys that fell out of the window when merging", () => {
    const k = (name: string, ms: number) => `${name}|${t0 + ms}`;
    const current = {
      watermark: iso(100_000),
      seenAtWatermark: [k("old", 30_000), k("a", 100_000)],
    };
    const merged = mergeState(current, {
      watermark: iso(100_500),
      seenAtWatermark: [k("b", 100_500)],
    });
    expect(merged.seenAtWatermark).toEqual([k("a", 100_000), k("b", 100_500)]);
  });
});

describe("backoff", () => {
  const options = { baseMs: 60_000, maxMs: 900_000, random: () => 0.5 };

  it("doubles from the interval up to the cap, jittered within 15 %", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, options))).toEqual([
      60_000, 120_000, 240_000, 480_000, 900_000, 900_000,
    ]);
    expect(backoffDelay(1, { ...options, random: () => 0 })).toBe(51_000);
    expect(backoffDelay(9, { ...options, random: () => 0.999 })).toBe(900_000);
  });

  it("reports the first failure of a streak and honours Retry-After", () => {
    const backoff = createBackoff(options);
    expect(backoff.fail("k", 0)).toEqual({ first: true, failures: 1, retryAt: 60_000 });
    expect(backoff.ready("k", 59_999)).toBe(false);
    expect(backoff.ready("k", 60_000)).toBe(true);
    expect(backoff.fail("k", 60_000, 600_000)).toEqual({
      first: false,
      failures: 2,
      retryAt: 660_000,
    });
    expect(backoff.retryAt("k")).toBe(660_000);
    expect(backoff.succeed("k")).toEqual({ failures: 2, sinceMs: 0 });
    expect(backoff.succeed("k")).toBeUndefined();
    expect(backoff.ready("k", 0)).toBe(true);
  });
});

describe("classifyDeliveryError", () => {
  it("maps the channel-fatal codes to pause reasons and the rest to transient", () => {
    const err = (code: number, status: number) => new DeliveryError("x", { code, status });
    expect(classifyDeliveryError(err(50013, 403))).toEqual({
      kind: "channel-fatal",
      reason: "missing_permissions",
    });
    expect(classifyDeliveryError(err(50001, 403))).toEqual({
      kind: "channel-fatal",
      reason: "missing_access",
    });
    expect(classifyDeliveryError(err(10003, 404))).toEqual({
      kind: "channel-fatal",
      reason: "unknown_channel",
    });
    expect(classifyDeliveryError(err(50035, 400))).toEqual({ kind: "rejected" });
    expect(classifyDeliveryError(err(0, 500))).toEqual({ kind: "transient" });
    expect(classifyDeliveryError(new DeliveryError("no code", { status: 502 }))).toEqual({
      kind: "transient",
    });
    expect(classifyDeliveryError(new Error("socket hang up"))).toEqual({ kind: "transient" });
  });
});

describe("pauseNotice", () => {
  it("names the channel and the command that fixes it", () => {
    expect(pauseNotice("missing_permissions", "42")).toContain("<#42>");
    expect(pauseNotice("missing_permissions", "42")).toContain("/subscribe");
    expect(pauseNotice("token_invalid")).toContain("/link");
  });
});

describe("pool", () => {
  it("mapLimit keeps order and the limit", async () => {
    let running = 0;
    let peak = 0;
    const result = await mapLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return n * 2;
    });
    expect(result).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(peak).toBe(3);
  });

  it("createLimiter never runs more than its limit, even with tasks arriving on release", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await Promise.resolve();
      running--;
    };
    await Promise.all(Array.from({ length: 20 }, () => limit(task)));
    expect(peak).toBe(2);
    await expect(
      limit(async () => {
        throw new Error("x");
      }),
    ).rejects.toThrow("x");
    await limit(task);
  });
});
