import { describe, expect, it } from "vitest";
import { closeHarnessAfterEach, later, setup, token } from "./pollerSetup.js";
import { botPosts, burst, expectedSchedules, postedLines, postedSchedules } from "./posts.js";

closeHarnessAfterEach();

describe("poller end to end: delivery", () => {
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
    // Both subscriptions follow one session: one histories request per cycle, not two. Counted
    // against the poller's own cycles, not against seconds of a busy machine's time (a cycle
    // comes at most once a second, and later while the CPU is shared with other work).
    const cyclesDone = async () =>
      (await h.bot.metrics.registry.getSingleMetric("poll_cycles_total")?.get())?.values[0]
        ?.value ?? 0;
    const histories = () => h.tracker.requests.filter((r) => r.endpoint === "histories").length;
    h.tracker.resetRequests();
    const cyclesBefore = await cyclesDone();
    await h.discord.waitFor(() => histories() >= 4, 20_000, "four histories reads");
    const reads = histories();
    const cycles = (await cyclesDone()) - cyclesBefore;
    // +1: the cycle whose read was counted may still be finishing.
    expect(reads).toBeLessThanOrEqual(cycles + 1);
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
});
