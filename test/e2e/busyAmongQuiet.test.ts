/**
 * Issue 17: under a small budget, a busy session among many quiet ones is read at the base
 * interval from its first read on, because that read's items tell how often it changes. The
 * real bot (discord.js against the fake Discord) on a clock sped up 6x (an interval is 1.7 s of
 * real time, so a stalled event loop on a loaded machine does not eat the bound); delays are
 * measured on that clock.
 *
 * Why it fails without the rate estimate: the busy session is subscribed first (the oldest, so
 * a schedule that knows nothing of it stretches it first) and its new changes start only after
 * the poller's first read of it, so that read finds nothing new. A schedule that learns
 * "busy" only from a read that found something new then reads it at the stretched pace
 * (15 intervals and more), and its first change waits far beyond 3 intervals. Only the dates
 * of the history the first read returned say that this session is busy.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createScaledClock } from "../fakes/clock.js";
import { type Harness, linkMember, startHarness, subscribeSession } from "./harness.js";
import { postedSchedules } from "./posts.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const intervalMs = 10_000;
const boundMs = 3 * intervalMs;
const schedule = (i: number) => Date.UTC(2027, 0, 1) + i * 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a busy session among quiet ones under a small budget", () => {
  it("gets its items posted within 3 intervals from its first read, each once", async () => {
    const clock = createScaledClock(6);
    h = await startHarness({
      clock,
      env: { POLL_INTERVAL_SECONDS: "10", TRACKER_MAX_REQUESTS_PER_MINUTE: "40" },
    });
    const harness = h;
    const members: Array<{ userId: string; token: string }> = [];
    for (let m = 0; m < 3; m++) {
      const token = `tok_busy_quiet_${m}_aabbccddeeff00112233`;
      harness.tracker.addToken(token, { nick: `m${m}` });
      const userId = harness.member(`m${m}`);
      await linkMember(harness, userId, token);
      members.push({ userId, token });
    }
    const { userId, token } = members[0] as { userId: string; token: string };
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
    await subscribeSession(harness, userId, busy, 20_000);
    // 18 quiet sessions (nothing in their history): 19 sources every 10 s would be 114 requests
    // a minute, the plan has 32 (80 % of 40); all at 15 intervals would fit.
    const sessions = [busy];
    for (const member of members) {
      for (let i = 0; i < 6; i++) {
        const session = harness.tracker.addSession(member.token, { active: true });
        sessions.push(session);
        await subscribeSession(harness, member.userId, session, 20_000);
      }
    }
    // Past the poller's first sweep (each session read once after /subscribe's read): the
    // busy session's first read found nothing new, only the dates of its history say it is
    // busy, and the first reads of the quiet ones no longer compete with it.
    const readsOf = (session: number) =>
      harness.tracker.requests.filter(
        (r) =>
          r.endpoint === "histories" && r.query.session === String(session) && r.status === 200,
      ).length;
    await harness.discord.waitFor(
      () => sessions.every((s) => readsOf(s) >= 2),
      60_000,
      "the poller's first read of every session",
    );
    // The changes start right after a read of the busy session (one more that finds nothing),
    // so that no read can catch the first change sooner than the schedule's own interval. The
    // wait is long enough for a session read every 15 intervals and more.
    const readsBefore = readsOf(busy);
    await harness.discord.waitFor(
      () => readsOf(busy) > readsBefore,
      40_000,
      "a read of the busy session after the sweep",
    );
    // A change every 5 s for a minute, noting when each is posted, then until every change is
    // posted or the last one is past the bound (a little slack: the loop samples every 20 ms).
    const postedAt = new Map<number, number>();
    const firstAt = clock.now();
    let lastAt = firstAt;
    for (;;) {
      const now = clock.now();
      if (now < firstAt + 60_000 && now >= firstAt + (next - before) * 5000) {
        change(now);
        lastAt = now;
      }
      for (const id of postedSchedules(harness.discord, harness.channelId)) {
        if (!postedAt.has(id)) postedAt.set(id, now);
      }
      const allPosted = [...happenedAt.keys()].slice(before).every((id) => postedAt.has(id));
      if (now >= firstAt + 60_000 && (allPosted || now > lastAt + boundMs + 2000)) break;
      await sleep(20);
    }
    // Every change after the first read posted within 3 intervals of when it happened.
    const late: Array<{ id: number; delay: number | "not posted" }> = [];
    for (const [id, happened] of [...happenedAt].slice(before)) {
      const at = postedAt.get(id);
      if (at === undefined) late.push({ id, delay: "not posted" });
      else if (at - happened > boundMs) late.push({ id, delay: at - happened });
    }
    expect(late).toEqual([]);
    // Exactly once, and nothing from before the subscription (two intervals more for a repeat).
    const settle = clock.now() + 2 * intervalMs;
    while (clock.now() < settle) await sleep(50);
    const posted = postedSchedules(harness.discord, harness.channelId);
    expect([...posted].sort((a, b) => a - b)).toEqual(
      Array.from({ length: next - before }, (_, i) => schedule(before + i) / 1000),
    );
    expect(harness.tracker.rateLimited).toBe(0);
  }, 120_000);
});
