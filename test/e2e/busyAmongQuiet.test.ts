/**
 * Issue 17: under a small budget, a busy session among many quiet ones is read at the base
 * interval from its first read on, because that read's items tell how often it changes. The
 * real bot (discord.js against the fake Discord) on a clock sped up 10x; delays are measured
 * on that clock.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createScaledClock } from "../fakes/clock.js";
import { type Harness, linkMember, startHarness } from "./harness.js";
import { postedSchedules } from "./posts.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const intervalMs = 10_000;
const schedule = (i: number) => Date.UTC(2027, 0, 1) + i * 60_000;

async function subscribe(harness: Harness, userId: string, session: number) {
  const handle = await harness.discord.interact
    .chatInput({
      userId,
      guildId: harness.guildId,
      channelId: harness.channelId,
      name: "subscribe",
      options: { session },
    })
    .waitFor("edit");
  expect(handle.original?.content).toMatch(/Subscribed/);
}

describe("a busy session among quiet ones under a small budget", () => {
  it("gets its items posted within 3 intervals from its first minute, each once", async () => {
    const clock = createScaledClock(10);
    h = await startHarness({
      clock,
      env: { POLL_INTERVAL_SECONDS: "10", TRACKER_MAX_REQUESTS_PER_MINUTE: "20" },
    });
    const harness = h;
    // 48 quiet sessions of 8 members: 48 every 10 s would be 288 requests a minute, the plan has
    // 16: even every quiet one at 15x does not fit (overloaded).
    const members: Array<{ userId: string; token: string }> = [];
    const quiet: number[] = [];
    for (let m = 0; m < 8; m++) {
      const token = `tok_busy_quiet_${m}_aabbccddeeff00112233`;
      harness.tracker.addToken(token, { nick: `m${m}` });
      const userId = harness.member(`m${m}`);
      await linkMember(harness, userId, token);
      members.push({ userId, token });
      for (let i = 0; i < 6; i++) {
        const session = harness.tracker.addSession(token, { active: true });
        quiet.push(session);
        await subscribe(harness, userId, session);
      }
    }
    const { userId, token } = members[0] as { userId: string; token: string };
    // Past the first sweep: the poller has read every quiet session once (after /subscribe's read).
    const readsOf = (session: number) =>
      harness.tracker.requests.filter(
        (r) => r.endpoint === "histories" && r.query.session === String(session),
      ).length;
    await harness.discord.waitFor(
      () => quiet.every((s) => readsOf(s) >= 2),
      120_000,
      "the poller's first read of every quiet session",
    );
    // The busy one: its history shows a change every 5 s over the last minute.
    const busy = harness.tracker.addSession(token, { active: true });
    let next = 0;
    const happenedAt = new Map<number, number>();
    const change = (happened: number) => {
      const at = schedule(next++);
      happenedAt.set(at / 1000, happened);
      harness.tracker.addHistory(busy, [
        { unit: 60, source: "DICE", happened: new Date(happened), schedule: new Date(at) },
      ]);
    };
    for (let k = 12; k >= 1; k--) change(clock.now() - k * 5000);
    const before = next;
    await subscribe(harness, userId, busy);
    const subscribedAt = clock.now();
    const postedAt = new Map<number, number>();
    // A pause of 100 s (so the poller's first read finds nothing new: only the dates of the
    // history say this session is busy), then a change every 5 s, watching when each is posted.
    const resumeAt = subscribedAt + 100_000;
    while (clock.now() < resumeAt + 2 * 60_000) {
      const now = clock.now();
      if (now >= resumeAt + (next - before) * 5000) change(now);
      for (const id of postedSchedules(harness.discord, harness.channelId)) {
        if (!postedAt.has(id)) postedAt.set(id, now);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await harness.discord.waitFor(
      () => postedSchedules(harness.discord, harness.channelId).length >= next - before,
      30_000,
      "every change of the busy session",
    );
    const posted = postedSchedules(harness.discord, harness.channelId);
    // Exactly once, and nothing from before the subscription.
    expect([...posted].sort((a, b) => a - b)).toEqual(
      Array.from({ length: next - before }, (_, i) => schedule(before + i) / 1000),
    );
    const late: Array<{ id: number; delay: number }> = [];
    for (const [id, happened] of happenedAt) {
      if (happened < subscribedAt + 60_000) continue;
      const at = postedAt.get(id);
      if (at !== undefined && at - happened > 3 * intervalMs)
        late.push({ id, delay: at - happened });
    }
    expect(late).toEqual([]);
    expect(harness.tracker.rateLimited).toBe(0);
  }, 240_000);
});
