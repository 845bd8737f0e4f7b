import { afterEach, describe, expect, it } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";
import { botPosts, burst, expectedSchedules, postedLines, postedSchedules } from "./posts.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const token = "tok_poll_77aa66bb55cc44dd33ee22ff1100";

/** A harness with one linked member, an active session with two old items, and helpers. */
async function setup(env: Record<string, string> = {}) {
  const harness = await startHarness({ env });
  h = harness;
  const userId = harness.member("lucy");
  harness.tracker.addToken(token, { nick: "lucy" });
  const session = harness.tracker.addSession(token, { active: true });
  harness.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
    { unit: 3600, happened: "2026-02-03 10:00:00.000", schedule: "2026-02-10 01:00:00" },
  ]);
  await linkMember(harness, userId, token);
  const subscribe = async (
    options: Record<string, string | number | boolean> = { session },
    asUser = userId,
  ) => {
    const handle = await harness.discord.interact
      .chatInput({
        userId: asUser,
        guildId: harness.guildId,
        channelId: harness.channelId,
        name: "subscribe",
        options,
      })
      .waitFor("edit");
    expect(handle.original?.content).toMatch(/Subscribed|Resumed/);
    return handle;
  };
  return { h: harness, userId, session, subscribe };
}

const later = (seconds: number) => Date.parse("2026-02-03T12:00:00Z") + seconds * 1000;

describe("poller end to end", () => {
  it("posts three new items in one message, oldest first, and nothing that existed before", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe();
    const added = Date.now();
    h.tracker.addHistory(session, burst(3, later(0)));
    const [message] = await h.discord.waitForMessages(h.channelId, 1, 8000);
    const delayMs = Date.now() - added;
    expect(botPosts(h.discord, h.channelId)).toHaveLength(1);
    expect(message?.embeds).toHaveLength(1);
    expect(message?.embeds[0]?.title).toMatch(/lucy · session/);
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(3));
    // The two items from before the subscription were never posted.
    expect(postedLines(h.discord, h.channelId).join()).not.toMatch(/Session started/);
    console.info(`[measure] insertion-to-post delay: ${delayMs} ms (poll interval 1 s)`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(botPosts(h.discord, h.channelId)).toHaveLength(1);
  });

  it("delivers a burst of 250 exactly once, in order", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe();
    h.tracker.addHistory(session, burst(250, later(0)));
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 250,
      20_000,
      "250 lines",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(250));
    expect(botPosts(h.discord, h.channelId).length).toBeLessThanOrEqual(6);
  }, 30_000);

  it("delivers items sharing one `happened` millisecond, plus a later one, once each", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe();
    const tied = burst(4, later(0), { sameMs: true });
    h.tracker.addHistory(session, tied.slice(0, 3));
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 3,
      8000,
      "3 tied lines",
    );
    // Another item in the very same millisecond arrives after the first three were posted.
    h.tracker.addHistory(session, [tied[3]!, { ...burst(5, later(1))[4]! }]);
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 5, 8000, "5 lines");
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(h.discord, h.channelId).sort()).toEqual(expectedSchedules(5));
  });

  it("applies each subscription's filters to the shared request", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe({ session, source: "PENALTY" });
    await subscribe({
      session,
      dom: true,
      channel: h.discord.addChannel(h.guildId, { name: "dom-only" }),
    });
    h.tracker.resetRequests();
    h.tracker.addHistory(session, [
      { unit: 60, source: "DICE", happened: new Date(later(0)), schedule: new Date(later(100)) },
      {
        unit: 120,
        source: "PENALTY",
        happened: new Date(later(1)),
        schedule: new Date(later(200)),
      },
      {
        unit: 180,
        source: "DOM",
        dom: 1,
        happened: new Date(later(2)),
        schedule: new Date(later(300)),
      },
    ]);
    await h.discord.waitForMessages(h.channelId, 1, 8000);
    await new Promise((r) => setTimeout(r, 2000));
    const lines = postedLines(h.discord, h.channelId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Penalty/);
    const domChannel = [...(await h.bot.store.subscriptions.list())].find(
      (s) => s.filters.dom,
    )!.channelId;
    expect(postedLines(h.discord, domChannel)).toEqual([expect.stringMatching(/Dom.*by dom/)]);
    // Both subscriptions follow one session: one histories request per cycle, not two.
    h.tracker.resetRequests();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 4000));
    const cycles = (Date.now() - started) / 1000;
    const histories = h.tracker.requests.filter((r) => r.endpoint === "histories").length;
    expect(histories).toBeGreaterThanOrEqual(2);
    expect(histories).toBeLessThanOrEqual(Math.ceil(cycles) + 1);
  });

  it("follows the member's active session onto a newly started one", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe({});
    h.tracker.endSession(session);
    const next = h.tracker.addSession(token, { active: true });
    h.tracker.addHistory(next, [
      { type: "START", happened: new Date(later(10)), schedule: new Date(later(86_400)) },
      {
        unit: 600,
        source: "LUCK",
        happened: new Date(later(11)),
        schedule: new Date(later(87_000)),
      },
    ]);
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 2,
      10_000,
      "new session lines",
    );
    const posts = botPosts(h.discord, h.channelId);
    expect(posts[0]?.embeds[0]?.title).toContain(`session ${next}`);
    expect(postedLines(h.discord, h.channelId)[0]).toMatch(/Session started/);
    const [sub] = await h.bot.store.subscriptions.list();
    expect(sub?.currentSession).toBe(next);
  });

  it("posts what was added while the bot was stopped, once, after a restart", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe();
    h.tracker.addHistory(session, burst(2, later(0)));
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 2, 8000, "2 lines");
    await h.bot.stop();
    h.tracker.addHistory(session, burst(5, later(0)).slice(2));
    await h.restart();
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 5, 8000, "5 lines");
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(5));
  });

  it("rides out 500s, a hang and invalid JSON, then posts the pending items once", async () => {
    const { h, session, subscribe } = await setup({ TRACKER_TIMEOUT_SECONDS: "1" });
    await subscribe();
    h.tracker.failNext(4, "500", { endpoint: "histories" });
    h.tracker.failNext(1, "hang", { endpoint: "histories" });
    h.tracker.failNext(1, "invalid-json", { endpoint: "histories" });
    h.tracker.addHistory(session, burst(3, later(0)));
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 3,
      30_000,
      "3 lines after the outage",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(3));
    const failing = h
      .logs()
      .split("\n")
      .filter((l) => l.includes("tracker failing"));
    expect(failing.length).toBeGreaterThanOrEqual(1);
    expect(failing.length).toBeLessThanOrEqual(2);
    expect(h.logs()).toContain("tracker recovered");
  }, 40_000);

  it("pauses on a revoked token with one DM, stops polling it, and resumes after /link", async () => {
    const { h, userId, session, subscribe } = await setup();
    await subscribe();
    h.tracker.revokeToken(token);
    await h.discord.waitFor(() => h!.discord.dmsTo(userId).length >= 1, 8000, "a DM");
    const [sub] = await h.bot.store.subscriptions.list();
    expect(sub).toMatchObject({ status: "paused", pausedReason: "token_invalid" });
    h.tracker.resetRequests();
    await new Promise((r) => setTimeout(r, 3000));
    expect(h.tracker.requests.filter((r) => r.owner === "lucy")).toEqual([]);
    expect(h.discord.dmsTo(userId)).toHaveLength(1);
    expect(h.discord.dmsTo(userId)[0]?.content).toMatch(/\/link/);

    const fresh = "tok_poll_fresh_0099887766554433221100";
    h.tracker.addToken(fresh, { nick: "lucy" });
    // The new token sees the same session (the fake keys sessions by token owner).
    h.tracker.addHistory(session, burst(1, later(0)));
    const relinked = await linkMember(h, userId, fresh);
    expect(relinked.original?.content).toMatch(/1 paused subscription resumed/);
  });

  it("pauses on Missing Permissions with one DM; /subscribe again resumes with nothing lost", async () => {
    const { h, userId, session, subscribe } = await setup();
    await subscribe();
    h.discord.failChannel(h.channelId, {
      status: 403,
      code: 50013,
      message: "Missing Permissions",
    });
    h.tracker.addHistory(session, burst(2, later(0)));
    await h.discord.waitFor(() => h!.discord.dmsTo(userId).length >= 1, 8000, "a DM");
    const [sub] = await h.bot.store.subscriptions.list();
    expect(sub).toMatchObject({ status: "paused", pausedReason: "missing_permissions" });
    expect(h.discord.dmsTo(userId)[0]?.content).toContain(`<#${h.channelId}>`);
    await new Promise((r) => setTimeout(r, 2000));
    expect(h.discord.dmsTo(userId)).toHaveLength(1);

    h.discord.failChannel(h.channelId, null);
    await subscribe();
    await h.discord.waitFor(
      () => postedLines(h!.discord, h!.channelId).length >= 2,
      8000,
      "2 lines",
    );
    expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(2));
  });

  it("stops posting at once after /unsubscribe", async () => {
    const { h, userId, session, subscribe } = await setup();
    await subscribe();
    const [sub] = await h.bot.store.subscriptions.list();
    await h.discord.interact
      .chatInput({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "unsubscribe",
        options: { subscription: sub!.id },
      })
      .waitFor("edit");
    h.tracker.addHistory(session, burst(2, later(0)));
    await new Promise((r) => setTimeout(r, 3000));
    expect(botPosts(h.discord, h.channelId)).toEqual([]);
  });

  it("measures tracker requests per idle cycle", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe();
    await subscribe({ session, source: "DICE" });
    await subscribe({});
    h.tracker.resetRequests();
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 5000));
    const cycles = (Date.now() - started) / 1000;
    const byEndpoint: Record<string, number> = {};
    for (const r of h.tracker.requests)
      byEndpoint[r.endpoint ?? "?"] = (byEndpoint[r.endpoint ?? "?"] ?? 0) + 1;
    console.info(
      `[measure] idle, 3 subscriptions on one session (2 fixed, 1 following the active one): ${JSON.stringify(byEndpoint)} over ~${cycles.toFixed(1)} cycles`,
    );
    // One histories request per cycle for the shared (member, session), plus one sessions lookup for the follower.
    expect(byEndpoint.histories ?? 0).toBeLessThanOrEqual(Math.ceil(cycles) + 1);
    expect(byEndpoint.histories ?? 0).toBeGreaterThanOrEqual(3);
  });
});
