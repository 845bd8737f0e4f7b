import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const tokenA = "tok_A_3f9a8c7e6d5b4a39281706f5e4d3c2b1";
const tokenB = "tok_B_aa11bb22cc33dd44ee55ff6677889900";

describe("/link", () => {
  it("opens a modal (no token in any command option) as the first answer", async () => {
    const userId = h.member("modal-user");
    const handle = h.discord.interact.chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "link",
    });
    await handle.waitFor("ack");
    expect(handle.ackType).toBe(9);
    const modal = handle.modal();
    expect(modal?.custom_id).toBe("link:modal");
    expect(JSON.stringify(modal)).toContain('"custom_id":"token"');
  });

  it("validates the token with the tracker and answers ephemerally with the nick", async () => {
    const userId = h.member("lucy");
    h.tracker.addToken(tokenA, { nick: "lucy" });
    const submit = await linkMember(h, userId, tokenA);
    expect(submit.ackType).toBe(5);
    expect(submit.ephemeral).toBe(true);
    expect(submit.original?.content).toContain("Linked as **lucy**");
    expect(h.tracker.requests.some((r) => r.endpoint === "stats" && r.owner === "lucy")).toBe(true);
    const account = await h.bot.store.accounts.get(userId);
    expect(account).toMatchObject({ token: tokenA, nick: "lucy" });
  });

  it("refuses a token the tracker rejects, says where to create one, stores nothing", async () => {
    const userId = h.member("mallory");
    const submit = await linkMember(h, userId, "tok_not_known_to_the_tracker_123");
    expect(submit.ephemeral).toBe(true);
    expect(submit.original?.content).toMatch(/did not accept that token/);
    expect(submit.original?.content).toMatch(/profile/);
    expect(await h.bot.store.accounts.get(userId)).toBeUndefined();
  });

  it("refuses an input that cannot be a token before asking the tracker", async () => {
    const userId = h.member("typo");
    const before = h.tracker.requests.length;
    const submit = await linkMember(h, userId, "has spaces in it");
    expect(submit.original?.content).toMatch(/no spaces/);
    expect(h.tracker.requests.length).toBe(before);
  });

  it("linking again replaces the token", async () => {
    const userId = h.member("relinker");
    h.tracker.addToken(tokenB, { nick: "first" });
    await linkMember(h, userId, tokenB);
    const tokenC = "tok_C_0123456789abcdef0123456789abcdef";
    h.tracker.addToken(tokenC, { nick: "second" });
    const again = await linkMember(h, userId, tokenC);
    expect(again.original?.content).toContain("Linked as **second**");
    expect(again.original?.content).toContain("replaced");
    expect((await h.bot.store.accounts.get(userId))?.token).toBe(tokenC);
  });

  it("never lets a token reach Discord, the logs or the database file in clear", async () => {
    const bodies = JSON.stringify(h.discord.requests.map((r) => r.body));
    const db = await readFile(path.join(h.dir, "bot.sqlite"));
    for (const token of [tokenA, tokenB]) {
      expect(bodies).not.toContain(token);
      expect(h.logs()).not.toContain(token);
      expect(db.includes(Buffer.from(token))).toBe(false);
    }
  });
});

describe("/unlink", () => {
  it("removes the token and subscriptions and says what was removed", async () => {
    const userId = h.member("leaver");
    const token = "tok_leaver_99887766554433221100aabb";
    h.tracker.addToken(token, { nick: "leaver" });
    await linkMember(h, userId, token);
    await h.bot.store.subscriptions.put({
      id: "sub-leaver",
      guildId: h.guildId,
      channelId: h.channelId,
      userId,
      session: 1,
      filters: {},
      createdAt: new Date().toISOString(),
      status: "active",
      pausedReason: null,
      pausedAt: null,
      currentSession: 1,
      watermark: null,
      seenAtWatermark: [],
      lastPostAt: null,
    });
    const handle = h.discord.interact.chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "unlink",
    });
    await handle.waitFor("edit");
    expect(handle.ephemeral).toBe(true);
    expect(handle.original?.content).toMatch(/encrypted tracker token/);
    expect(handle.original?.content).toMatch(/1 subscription/);
    expect(await h.bot.store.accounts.get(userId)).toBeUndefined();
    expect(await h.bot.store.subscriptions.listByUser(userId)).toEqual([]);

    const again = h.discord.interact.chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "unlink",
    });
    await again.waitFor("edit");
    expect(again.original?.content).toMatch(/Nothing to remove/);
  });
});
