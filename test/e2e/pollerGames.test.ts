/** `/subscribe games:true` end to end: game-rule changes posted with the history items. */
import { describe, expect, it } from "vitest";
import { closeHarnessAfterEach, later, setup, token } from "./pollerSetup.js";
import { botPosts, postedLines } from "./posts.js";

closeHarnessAfterEach();

const at = (seconds: number) => new Date(later(seconds));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("poller end to end: game-rule changes", () => {
  it("posts INSERT, UPDATE and DELETE once, in order, in one message with the history items", async () => {
    const { h, session, subscribe } = await setup();
    // Existing before the subscription: never posted.
    h.tracker.addGameChanges(session, [{ action: "INSERT", happened: "2026-02-03 10:30:00" }]);
    await subscribe({ session, games: true });
    h.tracker.resetRequests();
    h.tracker.addHistory(session, [
      { unit: 60, source: "DICE", happened: at(0), schedule: at(1000) },
      { unit: 120, source: "DICE", happened: at(2), schedule: at(2000) },
      { unit: 180, source: "DICE", happened: at(4), schedule: at(3000) },
    ]);
    h.tracker.addGameChanges(session, [
      {
        action: "INSERT",
        game: "LUCK",
        happened: at(1),
        domNick: "Mistress",
        changes: [{ label: "waiting time", from: null, to: "1 h" }],
      },
      {
        action: "UPDATE",
        happened: at(3),
        domNick: "Mistress",
        changes: [{ label: "dice", from: "2", to: "3" }],
      },
      { action: "DELETE", game: "LINK", happened: at(5), changes: [] },
    ]);
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 6, 8000, "6 lines");
    await pause(1500);
    expect(botPosts(h.discord, h.channelId)).toHaveLength(1);
    const lines = postedLines(h.discord, h.channelId);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/added \*\*\+1 min\*\*/);
    expect(lines[1]).toMatch(/^🍀 Luck rules set by \*\*Mistress\*\*: waiting time 1 h/);
    expect(lines[2]).toMatch(/added \*\*\+2 min\*\*/);
    expect(lines[3]).toMatch(/^🎲 Dice rules changed by \*\*Mistress\*\*: dice 2 → 3/);
    expect(lines[4]).toMatch(/added \*\*\+3 min\*\*/);
    expect(lines[5]).toMatch(/^🔗 Link game rules removed/);
    // The change from before the subscription was not posted.
    expect(lines.filter((l) => l.includes("rules set"))).toHaveLength(1);
    const games = h.tracker.requests.filter((r) => r.endpoint === "games_changes").length;
    const histories = h.tracker.requests.filter((r) => r.endpoint === "histories").length;
    console.info(
      `[measure] games:true, one source: ${histories} histories, ${games} games requests`,
    );
    expect(games).toBeGreaterThanOrEqual(1);
    expect(games).toBeLessThanOrEqual(histories);
    const [sub] = await h.bot.store.subscriptions.list();
    expect(sub?.gamesWatermark).toBe(at(5).toISOString());
  });

  it("posts a change that arrives alone, and nothing twice through a restart", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe({ session, games: true });
    h.tracker.addGameChanges(session, [{ id: 41, action: "INSERT", happened: at(0) }]);
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 1, 8000, "1 line");
    await h.bot.stop();
    h.tracker.addGameChanges(session, [
      { id: 42, happened: at(1), changes: [{ label: "dice", from: "3", to: "4" }] },
      { id: 43, happened: at(1), changes: [{ label: "dice", from: "4", to: "5" }] },
    ]);
    await h.restart();
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 3, 8000, "3 lines");
    await pause(1500);
    const lines = postedLines(h.discord, h.channelId);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/rules set/);
    expect(lines[1]).toMatch(/dice 3 → 4/);
    expect(lines[2]).toMatch(/dice 4 → 5/);
    expect(botPosts(h.discord, h.channelId)).toHaveLength(2);
  });

  it("never asks for the games feed for games:false subscriptions", async () => {
    const { h, session, subscribe } = await setup();
    h.tracker.addGameChanges(session, [{ happened: "2026-02-03 10:30:00" }]);
    await subscribe({ session });
    h.tracker.resetRequests();
    h.tracker.addGameChanges(session, [{ happened: at(1) }]);
    h.tracker.addHistory(session, [{ unit: 60, happened: at(0), schedule: at(1000) }]);
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 1, 8000, "1 line");
    await pause(2500);
    expect(h.tracker.requests.filter((r) => r.endpoint === "histories").length).toBeGreaterThan(1);
    expect(h.tracker.requests.filter((r) => r.endpoint === "games_changes")).toHaveLength(0);
    expect(postedLines(h.discord, h.channelId)).toHaveLength(1);
  });

  it("does not read the games feed of a session without game changes (has_games_changes=0)", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe({ session, games: true });
    h.tracker.resetRequests();
    h.tracker.addHistory(session, [{ unit: 60, happened: at(0), schedule: at(1000) }]);
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 1, 8000, "1 line");
    await pause(2500);
    const count = (endpoint: string) =>
      h.tracker.requests.filter((r) => r.endpoint === endpoint).length;
    console.info(
      `[measure] has_games_changes=0: ${count("histories")} histories, ${count("sessions")} sessions, ${count("games_changes")} games requests`,
    );
    expect(count("histories")).toBeGreaterThan(1);
    expect(count("games_changes")).toBe(0);
  });

  it("posts every change of a session the follower moves to", async () => {
    const { h, session, subscribe } = await setup();
    // The old session's newest change is later than anything of the next one: the follower's
    // games state must start afresh, not carry the old session's watermark.
    h.tracker.addGameChanges(session, [{ happened: at(600) }]);
    await subscribe({ games: true });
    h.tracker.endSession(session);
    const next = h.tracker.addSession(token, { active: true });
    h.tracker.addHistory(next, [{ type: "START", happened: at(10), schedule: at(86_400) }]);
    h.tracker.addGameChanges(next, [
      { action: "INSERT", happened: at(11), changes: [{ label: "dice", from: null, to: "2" }] },
    ]);
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 2,
      10_000,
      "2 lines",
    );
    await pause(1500);
    const lines = postedLines(h.discord, h.channelId);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/Session started/);
    expect(lines[1]).toMatch(/^🎲 Dice rules set: dice 2/);
    expect(botPosts(h.discord, h.channelId)).toHaveLength(1);
  });

  it("keeps hostile label, from, to and dom_nick inert", async () => {
    const { h, session, subscribe } = await setup();
    await subscribe({ session, games: true });
    h.tracker.addGameChanges(session, [
      {
        happened: at(0),
        domNick: "@everyone <@123> [x](https://evil.example)",
        changes: [
          { label: "**bold** @here", from: "<@&456>\nsecond line", to: "[click](http://a.b/c)" },
        ],
      },
    ]);
    await h.discord.waitFor(() => postedLines(h.discord, h.channelId).length >= 1, 8000, "1 line");
    const [post] = botPosts(h.discord, h.channelId);
    const [line = ""] = postedLines(h.discord, h.channelId);
    expect(line).toMatch(/^🎲 Dice rules changed by/);
    expect(line).toContain("second line"); // on the same line: the new line became a space
    expect(line).not.toMatch(/@everyone|@here/);
    expect(line).not.toMatch(/(?<!\\)<@/);
    expect(line).not.toMatch(/https?:\/\//);
    expect(line).not.toMatch(/(?<!\\)\[(x|click)\]/);
    expect(line).not.toMatch(/(?<!\\)\*\*bold/);
    expect(post?.mentions ?? []).toHaveLength(0);
    expect(post?.mention_everyone ?? false).toBe(false);
  });

  it("rides out a failing games feed: nothing lost, nothing twice, still one message", async () => {
    const { h, session, subscribe } = await setup({ TRACKER_TIMEOUT_SECONDS: "1" });
    await subscribe({ session, games: true });
    h.tracker.failNext(3, "500", { endpoint: "games_changes" });
    h.tracker.addHistory(session, [{ unit: 60, happened: at(0), schedule: at(1000) }]);
    h.tracker.addGameChanges(session, [{ happened: at(1) }]);
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 2,
      30_000,
      "2 lines",
    );
    await pause(1500);
    const lines = postedLines(h.discord, h.channelId);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^🎲 Dice rules changed/);
    // The history item waited for the games feed instead of going out alone.
    expect(botPosts(h.discord, h.channelId)).toHaveLength(1);
    const failed = h.tracker.requests.filter(
      (r) => r.endpoint === "games_changes" && r.status === 500,
    );
    expect(failed.length).toBeGreaterThanOrEqual(1);
    expect(h.logs()).toContain("tracker failing");
  }, 40_000);
});
