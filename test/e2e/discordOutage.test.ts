/**
 * Discord down for longer than its nonce memory, right after it took a post
 * whose answer was lost: that post may repeat once (nothing can prevent it),
 * and the log says so; /healthz is 503 while the gateway is down past its
 * grace; everything else arrives once; the gateway comes back by itself.
 */
import { describe, expect, it } from "vitest";
import { health, recordHealth } from "./hostFs.js";
import { closeHarnessAfterEach, later, setup } from "./pollerSetup.js";
import { botPosts, burst, expectedSchedules, postedSchedules } from "./posts.js";

closeHarnessAfterEach();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const messagePost = { method: "POST", path: /^\/channels\/\d+\/messages$/ };

describe("a long Discord outage", () => {
  it("repeats at most the lost post, warns once, 503 then 200, and answers interactions after", async () => {
    const env = {
      HEALTH_PORT: "0",
      HEALTH_HOST: "127.0.0.1",
      DISCORD_NONCE_WINDOW_SECONDS: "2",
    };
    const { h, session, userId, subscribe } = await setup(env, { nonceWindowMs: 2000 });
    await subscribe();
    const port = h.bot.healthPort ?? 0;
    expect((await health(port)).status).toBe(200);
    const timeline = recordHealth(port);

    // The first post lands, its answer is lost, and Discord goes down with it.
    h.discord.outage.loseNextAnswer(messagePost, () => h.discord.outage.start());
    h.tracker.addHistory(session, burst(3, later(0)));
    await h.discord.waitFor(() => h.discord.outage.on, 10_000, "the outage");
    const outageStart = performance.now();
    const requestsBefore = h.discord.requests.length;
    h.tracker.addHistory(session, burst(5, later(10)).slice(3));

    let sick = await health(port);
    for (let i = 0; i < 80 && sick.status === 200; i++) {
      await sleep(500);
      sick = await health(port);
    }
    expect(sick.status).toBe(503);
    expect(String(sick.body.reason)).toMatch(/gateway not ready: disconnected for more than 30 s/);
    const outageSeconds = (performance.now() - outageStart) / 1000;
    const outageRequests = h.discord.requests.slice(requestsBefore);
    const postsPerSecond =
      outageRequests.filter((r) => r.method === "POST" && messagePost.path.test(r.path)).length /
      outageSeconds;

    h.discord.outage.end();
    const endedAt = performance.now();
    await h.discord.waitFor(
      () => postedSchedules(h.discord, h.channelId).length >= 6,
      60_000,
      "every item after the outage",
    );
    const deliveredMs = performance.now() - endedAt;
    await h.discord.waitFor(() => h.discord.gateway.connected >= 1, 30_000, "the gateway back");
    let well = await health(port);
    for (let i = 0; i < 40 && well.status !== 200; i++) {
      await sleep(500);
      well = await health(port);
    }
    expect(well.status).toBe(200);
    await sleep(1500);

    // Every item arrived; the post whose answer was lost at most twice.
    const schedules = postedSchedules(h.discord, h.channelId);
    expect([...new Set(schedules)].sort()).toEqual(expectedSchedules(5));
    const lost = expectedSchedules(3);
    expect(schedules.filter((s) => !lost.includes(s))).toEqual(expectedSchedules(5).slice(3));
    expect(schedules.length).toBeLessThanOrEqual(8);
    expect(botPosts(h.discord, h.channelId).length).toBeLessThanOrEqual(3);
    const warnings = h
      .logs()
      .split("\n")
      .filter((l) => l.includes("re-sent a post older than Discord's nonce memory"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(h.channelId);

    const answered = await h.discord.interact
      .chatInput({ userId, guildId: h.guildId, channelId: h.channelId, name: "subscriptions" })
      .waitFor("reply");
    expect(answered.ackDelayMs).not.toBeNull();
    console.info(
      `[measure] Discord down ${outageSeconds.toFixed(1)} s: ${postsPerSecond.toFixed(2)} message POSTs/s during it; every item posted ${deliveredMs.toFixed(0)} ms after it ended; repeats of the lost post: ${schedules.length - 5 === 3 ? 1 : 0}; /healthz: ${await timeline.stop()}`,
    );
  }, 150_000);
});
