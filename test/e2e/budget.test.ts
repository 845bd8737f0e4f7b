/**
 * The request budget end to end: the real bot (discord.js against the fake
 * Discord) on a clock sped up 20x, so a simulated minute takes 3 s; the fake
 * tracker shares that clock for its own rate limit.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createScaledClock } from "../fakes/clock.js";
import { type Harness, linkMember, startHarness, subscribeSession } from "./harness.js";
import { botPosts, postedSchedules } from "./posts.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const schedule = (i: number) => Date.UTC(2027, 0, 1) + i * 60_000;

/** Members with `perMember` running sessions each, every session subscribed in the harness channel. */
async function followSessions(harness: Harness, members: number, perMember: number) {
  const sessions: number[] = [];
  for (let m = 0; m < members; m++) {
    const userId = harness.member(`m${m}`);
    const token = `tok_budget_${m}_aabbccddeeff0011223344`;
    harness.tracker.addToken(token, { nick: `m${m}` });
    await linkMember(harness, userId, token);
    for (let s = 0; s < perMember; s++) {
      const session = harness.tracker.addSession(token, { active: true });
      sessions.push(session);
      await subscribeSession(harness, userId, session);
    }
  }
  return sessions;
}

function addOneItemEach(harness: Harness, sessions: readonly number[], offset: number) {
  sessions.forEach((session, i) => {
    harness.tracker.addHistory(session, [
      {
        unit: 60,
        source: "DICE",
        happened: new Date(Date.now() - 1000),
        schedule: new Date(schedule(offset + i)),
      },
    ]);
  });
}

/** Largest number of requests the fake saw in any 60 s window of its clock. */
function busiestMinute(harness: Harness): number {
  const at = harness.tracker.requests.map((r) => r.at).sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < at.length; to++) {
    while ((at[to] as number) - (at[from] as number) >= 60_000) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

const expectedOnce = (count: number) =>
  Array.from({ length: count }, (_, i) => schedule(i) / 1000).sort((a, b) => a - b);

describe("the tracker request budget, end to end", () => {
  it("with more sessions than the budget: no 429, never above the budget, every item once, the stretch shown", async () => {
    const clock = createScaledClock(20);
    h = await startHarness({
      clock,
      tracker: { rateLimit: { perMinute: 30 }, latencyMs: () => 5 + Math.random() * 10 },
      env: { POLL_INTERVAL_SECONDS: "10", TRACKER_MAX_REQUESTS_PER_MINUTE: "30" },
    });
    const harness = h;
    const sessions = await followSessions(harness, 3, 4);
    // 12 sessions every 10 s would be 72 requests a minute: the quiet ones must stretch.
    await harness.discord.waitFor(
      () => harness.logs().includes('"msg":"tracker request"'),
      10_000,
      "a first poll",
    );
    // The plan follows the sources as they appear: ask until it covers all twelve.
    let text = "";
    for (let attempt = 0; attempt < 20; attempt++) {
      const listing = await harness.discord.interact
        .chatInput({
          userId: harness.member("m2"),
          guildId: harness.guildId,
          channelId: harness.channelId,
          name: "subscriptions",
        })
        .waitFor("edit");
      text = (listing.original?.embeds ?? []).map((e) => e.description ?? "").join("\n");
      if (/shared by 12 sessions/.test(text)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(text).toMatch(
      /checked about every \d+ (s|min): the tracker budget is shared by 12 sessions/,
    );

    addOneItemEach(harness, sessions, 0);
    await harness.discord.waitFor(
      () => postedSchedules(harness.discord, harness.channelId).length >= sessions.length,
      30_000,
      "one post per session",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(harness.discord, harness.channelId).sort((a, b) => a - b)).toEqual(
      expectedOnce(sessions.length),
    );
    expect(harness.tracker.rateLimited).toBe(0);
    expect(harness.tracker.requests.filter((r) => r.status === 429)).toHaveLength(0);
    expect(busiestMinute(harness)).toBeLessThanOrEqual(30);
  }, 90_000);

  it("a 429 storm pauses every request, then everything recovers and nothing is lost", async () => {
    const clock = createScaledClock(20);
    h = await startHarness({
      clock,
      env: { POLL_INTERVAL_SECONDS: "10", TRACKER_MAX_REQUESTS_PER_MINUTE: "600" },
    });
    const harness = h;
    const sessions = await followSessions(harness, 1, 3);
    addOneItemEach(harness, sessions, 0);
    await harness.discord.waitFor(
      () => postedSchedules(harness.discord, harness.channelId).length >= 3,
      15_000,
      "the first posts",
    );
    // The storm: the tracker refuses everything, asking for 60 s (3 s here).
    harness.tracker.setRateLimit({ perMinute: 0, retryAfterSeconds: 60 });
    await harness.discord.waitFor(() => harness.tracker.rateLimited > 0, 15_000, "a 429");
    const first429 = harness.tracker.requests.find((r) => r.status === 429);
    addOneItemEach(harness, sessions, 3);
    await new Promise((r) => setTimeout(r, 2500));
    harness.tracker.setRateLimit(undefined);
    await harness.discord.waitFor(
      () => postedSchedules(harness.discord, harness.channelId).length >= 6,
      30_000,
      "the posts held back by the storm",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(harness.discord, harness.channelId).sort((a, b) => a - b)).toEqual(
      expectedOnce(6),
    );
    // Paused: besides requests already in flight, nothing reached the tracker during Retry-After.
    const during = harness.tracker.requests.filter(
      (r) => r.at > (first429?.at ?? 0) && r.at < (first429?.at ?? 0) + 55_000,
    );
    expect(during.length).toBeLessThanOrEqual(4);
    const warnings = harness.logs().match(/pausing all tracker requests/g) ?? [];
    expect(warnings).toHaveLength(1);
    expect(botPosts(harness.discord, harness.channelId).length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
