/**
 * Maps keyed by things that come and go (channels, panels, members) forget the entries that no
 * longer change anything, instead of keeping every key the bot ever saw.
 */
import { describe, expect, it } from "vitest";
import { createSessionCache } from "../../src/discord/sessionCache.js";
import { silentLogger } from "../../src/log.js";
import { createPanelEditor, type PanelEditorDeps } from "../../src/play/panelEditor.js";
import { createNonceWarning } from "../../src/poller/sender/nonceWarning.js";
import type { OutboxEntry } from "../../src/store/types.js";
import { createForgetter } from "../../src/util/forget.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createForgetter", () => {
  it("drops stale entries, at most once per period", () => {
    const map = new Map([
      ["a", 0],
      ["b", 50],
    ]);
    const forget = createForgetter(map, (at, nowMs) => nowMs - at >= 100, 100);
    forget(120);
    expect([...map.keys()]).toEqual(["b"]);
    map.set("c", 10);
    forget(200); // within 100 ms of the last sweep: nothing happens
    expect([...map.keys()]).toEqual(["b", "c"]);
    forget(220);
    expect(map.size).toBe(0);
  });
});

describe("the nonce warning", () => {
  it("forgets a channel once its warning is older than the window", async () => {
    const windowMs = 30;
    const warn = createNonceWarning(silentLogger(), windowMs);
    const entry = (channelId: string) =>
      ({
        id: `e${channelId}`,
        channelId,
        createdAt: "2026-01-01T00:00:00.000Z",
        sent: 0,
      }) as OutboxEntry;
    const now = new Date("2026-01-02T00:00:00.000Z");
    for (const channel of ["1", "2", "3"]) warn(entry(channel), 0, now);
    expect(warn.tracked()).toBe(3);
    await sleep(windowMs * 2);
    warn(entry("4"), 0, now);
    expect(warn.tracked()).toBe(1);
  });
});

describe("the session autocomplete cache", () => {
  it("drops the expired entries of members who do not come back", async () => {
    let t = 0;
    const cache = createSessionCache(1000, () => t);
    for (const user of ["a", "b", "c"]) await cache.get(user, async () => [1, 2]);
    expect(cache.size()).toBe(3);
    t = 999;
    await cache.get("d", async () => []);
    expect(cache.size()).toBe(4);
    t = 2000;
    await cache.get("e", async () => []);
    expect(cache.size()).toBe(1);
  });
});

describe("the vote panel editor", () => {
  it("forgets a panel's last edit once it no longer throttles anything", async () => {
    const editEveryMs = 30;
    const editor = createPanelEditor({
      plays: { getPanel: async () => undefined },
      logger: silentLogger(),
      editEveryMs,
    } as unknown as PanelEditorDeps);
    editor.refreshSoon("p1");
    editor.refreshSoon("p2");
    await sleep(10);
    expect(editor.throttled()).toBe(2);
    await sleep(editEveryMs * 2);
    editor.refreshSoon("p3");
    await sleep(10);
    expect(editor.throttled()).toBe(1);
    editor.stop();
  });
});
