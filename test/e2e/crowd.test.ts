import { afterAll, beforeAll, expect, it } from "vitest";
import { type Harness, startHarness, subscribeSession } from "./harness.js";
import { botPosts, postedLines } from "./posts.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { MAX_SUBSCRIPTIONS_PER_GUILD: "100" } });
});
afterAll(async () => {
  await h.close();
});

it("posts one new item from each of 60 members' subscriptions into one channel within the interval plus a few seconds", async () => {
  const sessions: number[] = [];
  for (let i = 0; i < 60; i++) {
    const userId = h.member(`member${i}`);
    const token = `tok_crowd_${String(i).padStart(3, "0")}_aabbccddeeff00112233`;
    h.tracker.addToken(token, { nick: `member${i}` });
    const session = h.tracker.addSession(token, { active: true });
    sessions.push(session);
    await h.bot.store.accounts.set({
      userId,
      token,
      nick: `member${i}`,
      linkedAt: new Date().toISOString(),
    });
    await subscribeSession(h, userId, session);
  }
  const hitsBefore = h.discord.rateLimitHits;
  const added = Date.now();
  for (const [i, session] of sessions.entries()) {
    h.tracker.addHistory(session, [
      {
        unit: 60 + i,
        source: "DICE",
        happened: new Date(Date.now() - 1000),
        schedule: new Date(Date.UTC(2027, 0, 1) + i * 60_000),
      },
    ]);
  }
  await h.discord.waitFor(
    () => postedLines(h.discord, h.channelId).length >= 60,
    20_000,
    "60 lines",
  );
  const elapsed = Date.now() - added;
  await new Promise((r) => setTimeout(r, 1500));
  const lines = postedLines(h.discord, h.channelId);
  const messages = botPosts(h.discord, h.channelId).length;
  console.info(
    `[measure] 60 subscriptions, one item each, one channel: all posted after ${elapsed} ms in ${messages} messages; 429s: ${h.discord.rateLimitHits - hitsBefore}`,
  );
  expect(lines).toHaveLength(60);
  expect(new Set(lines.map((l) => /release <t:(\d+):f>/.exec(l)?.[1])).size).toBe(60);
  // One message per subscription would need 12 rate-limit windows (about a minute); one embed
  // per subscription 6 messages, the last one a rate-limit window late.
  expect(messages).toBeLessThanOrEqual(3);
  expect(elapsed).toBeLessThan(15_000);
}, 60_000);
