import { describe, expect, it } from "vitest";
import { linkMember } from "./harness.js";
import { closeHarnessAfterEach, later, setup, token } from "./pollerSetup.js";
import { botPosts, burst, expectedSchedules, postedLines, postedSchedules } from "./posts.js";

closeHarnessAfterEach();

describe("poller end to end: faults and control", () => {
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
    // One session is every source this bot has: its failures are an outage (the breaker's,
    // issue 24), and its return is logged as the tracker's.
    expect(h.logs()).toContain("tracker back; every session is read again now");
  }, 40_000);

  it("shows a subscription whose tracker is failing as backing off in /subscriptions", async () => {
    const { h, userId, subscribe } = await setup({ TRACKER_TIMEOUT_SECONDS: "1" });
    await subscribe();
    h.tracker.failNext(1000, "500", { endpoint: "histories" });
    await h.discord.waitFor(
      () => h!.logs().includes("tracker failing"),
      10_000,
      "a failing streak",
    );
    const list = await h.discord.interact
      .chatInput({ userId, guildId: h.guildId, channelId: h.channelId, name: "subscriptions" })
      .waitFor("edit");
    expect(JSON.stringify(list.original?.embeds)).toMatch(
      /tracker not answering, retrying <t:\d+:R>/,
    );
    h.tracker.clearFaults();
  });

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
