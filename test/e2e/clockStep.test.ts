/**
 * A wall-clock step back of an hour mid-run, end to end: the real bot (discord.js against the
 * fake Discord, the fake tracker, SQLite) on the system's clocks, with the process's Date stepped
 * while timers and performance.now() run on. Nothing may wait for the wall clock to catch up.
 */
import { type APIMessage, RESTEvents } from "discord.js";
import { afterAll, describe, expect, it } from "vitest";
import { stepSystemWallClock } from "../fakes/clock.js";
import { closeHarnessAfterEach, later, setup } from "./pollerSetup.js";
import { expectedSchedules, postedSchedules } from "./posts.js";

const wall = stepSystemWallClock();
afterAll(() => wall.restore());
closeHarnessAfterEach();

const hour = 3_600_000;

/** Items `from`..`from + count - 1` of one sequence: distinct schedules, a second apart. */
function items(from: number, count: number) {
  return Array.from({ length: count }, (_, k) => ({
    type: "ADD" as const,
    unit: 60,
    source: "DICE" as const,
    happened: new Date(later(from + k)),
    schedule: new Date(Date.UTC(2027, 0, 1) + (from + k) * 60_000),
  }));
}

function olderButton(message: APIMessage | null): string {
  const rows = (message?.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  const id = rows
    .flatMap((row) => row.components ?? [])
    .find((c) => c.custom_id?.startsWith("histories:older:"))?.custom_id;
  if (!id) throw new Error("no Older button");
  return id;
}

describe("a wall-clock step back of an hour", () => {
  it("delays no poll, post, reply or Discord retry, and every item is posted once", async () => {
    const { h, userId, session, subscribe } = await setup();
    await subscribe();
    const channelPosts = { method: "POST", path: `/channels/${h.channelId}/messages` };
    const histories = (options: Record<string, number>) =>
      h.discord.interact
        .chatInput({
          userId,
          guildId: h.guildId,
          channelId: h.channelId,
          name: "histories",
          options,
        })
        .waitFor("edit");

    h.tracker.addHistory(session, items(0, 2));
    await h.discord.waitFor(() => postedSchedules(h.discord, h.channelId).length >= 2, 10_000, "2");
    // A /histories page whose Older button is pressed after the step.
    const page = await histories({ session, limit: 2 });

    // Discord answers the next post with a 429 asking for 4 s. The clock steps once discord.js
    // waits for the route's reset, which it keeps as Date.now() + 4 s: unguarded, an hour more.
    h.discord.failNext(channelPosts, {
      status: 429,
      code: 0,
      message: "You are being rate limited.",
      retryAfter: 4,
    });
    const waiting = new Promise<void>((resolve) =>
      h.bot.client.rest.once(RESTEvents.RateLimited, () => resolve()),
    );
    h.tracker.addHistory(session, items(2, 1));
    await waiting;
    wall.step(-hour);
    const limited = h.discord.requests.find((r) => r.status === 429);
    if (!limited) throw new Error("discord.js waited without a 429");

    await h.discord.waitFor(() => postedSchedules(h.discord, h.channelId).length >= 3, 20_000, "3");
    const retry = h.discord.requests.find(
      (r) => r.method === "POST" && r.path === channelPosts.path && r.at > limited.at,
    );
    expect(retry?.status).toBe(200);
    // Retried after its retry_after (Discord's own clock), not before and not an hour later.
    expect((retry?.at ?? 0) - limited.at).toBeGreaterThanOrEqual(3_900);

    // Polls go on (1 s interval), posts keep coming, /histories answers and its buttons work.
    const polls = h.tracker.requests.length;
    await h.discord.waitFor(() => h.tracker.requests.length >= polls + 3, 10_000, "3 more polls");
    h.tracker.addHistory(session, items(3, 2));
    await h.discord.waitFor(() => postedSchedules(h.discord, h.channelId).length >= 5, 10_000, "5");
    const after = await histories({ session });
    expect(after.original?.embeds[0]?.description).toMatch(/\+1 min/);
    await h.discord.interact
      .button({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        customId: olderButton(page.original),
        message: page.original as APIMessage,
      })
      .waitFor("edit");
    expect(page.original?.embeds[0]?.footer?.text).toContain("Page 2");

    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(h.discord, h.channelId).sort((a, b) => a - b)).toEqual(
      expectedSchedules(5),
    );
    // One warning, with the step's size (to the millisecond the two clocks can be read together).
    const steps = [...h.logs().matchAll(/"stepMs":(-?\d+)/g)].map((m) => Number(m[1]));
    expect(steps).toHaveLength(1);
    expect(Math.abs((steps[0] ?? 0) + hour)).toBeLessThan(50);
  }, 60_000);
});
