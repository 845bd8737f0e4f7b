/**
 * The weekly digest end to end: real discord.js against the fake Discord, the fake tracker,
 * SQLite, on a clock whose wall date the test sets and whose monotonic time and timers run 30
 * times fast (the once-a-minute look is 2 s here). Posted once at its hour, once after a restart
 * across the next hour (late, its week named), never twice; /digest off; /privacy; /unlink.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type Clock, systemClock } from "../../src/util/clock.js";
import { decodePng } from "../pictures/png.js";
import { type Harness, linkMember, startHarness } from "./harness.js";
import { mentionsOf } from "./storeScan.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const speed = 30;
/** One look at the wall clock in real ms (60 s / speed), and a margin of more than two looks. */
const lookMs = 60_000 / speed;
const settle = () => new Promise((r) => setTimeout(r, 3 * lookMs));
const at = (iso: string) => Date.parse(iso);

/** The wall date is set by the test; monotonic time and timers run `speed` times fast. */
function fastClock(startIso: string) {
  let wall = at(startIso);
  const clock: Clock = {
    now: () => performance.now() * speed,
    wall: () => wall,
    setTimer: (ms, fn) => systemClock.setTimer(ms / speed, fn),
  };
  const setWall = (iso: string) => {
    wall = at(iso);
  };
  return { clock, setWall };
}

function run(
  harness: Harness,
  userId: string,
  name: string,
  extra: { subcommand?: string; options?: Record<string, string | number | boolean> } = {},
) {
  return harness.discord.interact
    .chatInput({ userId, guildId: harness.guildId, channelId: harness.channelId, name, ...extra })
    .waitFor("edit", 10_000);
}

describe("/digest", () => {
  it("posts once a week at its hour, once after a restart across the hour, stops when off", async () => {
    // Monday 7 Dec 2026 (ISO week 50), two minutes before the digest's hour.
    const { clock, setWall } = fastClock("2026-12-07T08:58:00Z");
    h = await startHarness({ clock, tracker: { clock: { now: () => Date.now() } } });
    const harness = h;
    const token = "tok_digest_0a1b2c3d4e5f60718293a4b5";
    h.tracker.addToken(token, { nick: "lucy" });
    const start = at("2026-12-01T10:00:00Z");
    const session = h.tracker.addSession(token, { active: true, start: new Date(start) });
    const hour = 3_600;
    h.tracker.addHistory(session, [
      { type: "START", happened: new Date(start), schedule: new Date("2026-12-20T10:00:00Z") },
      {
        unit: 2 * hour,
        source: "DICE",
        happened: new Date("2026-12-02T10:00:00Z"),
        schedule: new Date("2026-12-20T12:00:00Z"),
      },
      {
        unit: 6 * hour,
        source: "DOM",
        dom: 1,
        happened: new Date("2026-12-03T10:00:00Z"),
        schedule: new Date("2026-12-20T18:00:00Z"),
      },
      {
        type: "SUB",
        unit: hour,
        source: "LUCK",
        happened: new Date("2026-12-04T10:00:00Z"),
        schedule: new Date("2026-12-20T17:00:00Z"),
      },
      {
        unit: hour / 2,
        source: "LINK",
        happened: new Date("2026-12-05T10:00:00Z"),
        schedule: new Date("2026-12-20T17:30:00Z"),
      },
    ]);
    const userId = h.member("lucy");
    await linkMember(h, userId, token);

    const set = await run(h, userId, "digest", {
      subcommand: "set",
      options: { day: "monday", hour: 9 },
    });
    expect(set.original?.content).toMatch(
      new RegExp(
        `goes to <#${h.channelId}> every Monday at 9:00 UTC .*in UTC.*<t:${at("2026-12-07T09:00:00Z") / 1000}:F>`,
      ),
    );

    const digests = (week: string) =>
      harness.discord
        .messages(harness.channelId)
        .filter((m) => m.embeds[0]?.title === `📅 lucy · week ${week}`);
    const posts = () =>
      harness.discord.requests.filter(
        (r) =>
          r.method === "POST" &&
          r.path === `/channels/${harness.channelId}/messages` &&
          r.status === 200 &&
          r.files.length > 0,
      );

    // Before the hour: nothing.
    await settle();
    expect(posts()).toEqual([]);

    setWall("2026-12-07T09:00:30Z");
    await h.discord.waitFor(() => digests("2026-W50").length === 1, 15_000, "the W50 digest");
    const [message] = digests("2026-W50");
    const text = message!.embeds[0]!.description ?? "";
    expect(text).toContain("**Time locked this week:** 5 days 23 hr");
    expect(text).toContain("**4 changes:** Dice 1 · Luck 1 · Link game 1 · Dom 1");
    expect(text).toContain("1 of them by your dom");
    expect(text).toMatch(/\*\*Largest single change:\*\* \+6 hr \(Dom, <t:\d+:f>\)/);
    expect(text).toContain(
      `**Release date moved:** +7 hr 30 min · now <t:${at("2026-12-20T17:30:00Z") / 1000}:f>`,
    );
    expect(text).not.toContain("Posted late");
    expect(message!.embeds[0]!.image?.url).toBe("attachment://chart.png");
    expect(message!.attachments[0]?.description).toMatch(/^Chart of the release date of lucy/);
    const [file] = posts()[0]!.files;
    const image = decodePng(file!.data);
    expect([image.width, image.height]).toEqual([800, 400]);
    const background = image.rgba(2, 2);
    const drawn = image.count({ x0: 0, y0: 0, x1: 800, y1: 400 }, (p) =>
      p.some((v, i) => Math.abs(v - background[i]!) > 24),
    );
    expect(drawn).toBeGreaterThan(2_000);

    // Later looks the same week find its record: never a second post.
    await settle();
    expect(digests("2026-W50")).toHaveLength(1);
    expect(posts()).toHaveLength(1);

    // The bot is down across next Monday's hour; it comes back two hours late.
    h.tracker.addHistory(session, [
      {
        unit: 3 * hour,
        source: "PENALTY",
        happened: new Date("2026-12-09T10:00:00Z"),
        schedule: new Date("2026-12-20T20:30:00Z"),
      },
    ]);
    await h.restart(async () => {
      setWall("2026-12-14T11:00:00Z");
    });
    await h.discord.waitFor(() => digests("2026-W51").length === 1, 15_000, "the W51 digest");
    const late = digests("2026-W51")[0]!.embeds[0]!.description ?? "";
    expect(late).toContain("**1 change:** Penalty 1");
    expect(late).toContain("Posted late: this is the digest of week 2026-W51");
    await settle();
    expect(posts()).toHaveLength(2);
    expect(digests("2026-W50")).toHaveLength(1);

    // A restart within the same week posts nothing again.
    await h.restart();
    await settle();
    expect(posts()).toHaveLength(2);

    // /privacy lists the setting and the weeks; the JSON export carries them.
    const privacy = await run(h, userId, "privacy", { options: { json: true } });
    const privacyText = privacy.original?.content ?? "";
    expect(privacyText).toContain("**Weekly digest**");
    expect(privacyText).toContain(
      `Every Monday at 9:00 UTC in <#${h.channelId}>; last week posted: 2026-W51`,
    );
    expect(privacyText).toContain("2 weeks' posts recorded");
    const exported = h.discord.requests.find(
      (r) => r.method === "PATCH" && r.path.includes(privacy.token) && r.files.length > 0,
    )?.files[0];
    const json = JSON.parse(exported!.data.toString("utf8"));
    expect(json.digest.setting).toMatchObject({ day: "monday", hour: 9, zone: "UTC" });
    expect(json.digest.weeks.map((w: { week: string }) => w.week).sort()).toEqual([
      "2026-W50",
      "2026-W51",
    ]);

    // Off: the next week's hour passes without a post.
    const off = await run(h, userId, "digest", { subcommand: "off" });
    expect(off.original?.content).toBe("Your weekly digest is off.");
    setWall("2026-12-21T09:30:00Z");
    await settle();
    expect(posts()).toHaveLength(2);

    // /unlink removes every digest row.
    await run(h, userId, "digest", { subcommand: "set", options: { day: "friday", hour: 20 } });
    expect(await h.bot.store.digest.setting(userId)).toBeDefined();
    await run(h, userId, "unlink");
    expect(await h.bot.store.digest.setting(userId)).toBeUndefined();
    expect(await h.bot.store.digest.weeks(userId)).toEqual([]);
    await h.bot.store.close().catch(() => undefined);
    expect(await mentionsOf(h.dir, userId)).toEqual([]);
  }, 120_000);

  it("a week recorded but not sent before a restart goes out once, with its recorded nonce", async () => {
    const { clock, setWall } = fastClock("2026-12-07T08:59:00Z");
    h = await startHarness({ clock, tracker: { clock: { now: () => Date.now() } } });
    const harness = h;
    const token = "tok_digest_pending_0a1b2c3d4e5f6071";
    h.tracker.addToken(token, { nick: "mia" });
    const start = at("2026-12-03T10:00:00Z");
    const session = h.tracker.addSession(token, { active: true, start: new Date(start) });
    h.tracker.addHistory(session, [
      { type: "START", happened: new Date(start), schedule: new Date("2026-12-20T10:00:00Z") },
      {
        unit: 3_600,
        source: "MANUAL",
        happened: new Date("2026-12-04T10:00:00Z"),
        schedule: new Date("2026-12-20T11:00:00Z"),
      },
    ]);
    const userId = h.member("mia");
    await linkMember(h, userId, token);
    await run(h, userId, "digest", { subcommand: "set", options: { day: "monday", hour: 9 } });
    const attempts = () =>
      harness.discord.requests.filter(
        (r) =>
          r.method === "POST" &&
          r.path === `/channels/${harness.channelId}/messages` &&
          r.files.length > 0,
      );

    // Discord fails every post: the week is recorded (pending) and its post tried, not sent.
    h.discord.failChannel(h.channelId, { status: 500, code: 0, message: "Internal Server Error" });
    setWall("2026-12-07T09:00:10Z");
    await h.discord.waitFor(() => attempts().length > 0, 15_000, "a first attempt");
    const recorded = await h.bot.store.digest.week(userId, "2026-W50");
    expect(recorded?.status).toBe("pending");
    expect(recorded?.png).not.toBeNull();

    // A new instance on the same database sends the recorded post; it never builds another.
    h.tracker.resetRequests();
    await h.restart(async () => {
      harness.discord.failChannel(harness.channelId, null);
    });
    const digestPosted = () =>
      harness.discord
        .messages(harness.channelId)
        .filter((m) => m.embeds[0]?.title === "📅 mia · week 2026-W50");
    await h.discord.waitFor(() => digestPosted().length === 1, 15_000, "the pending digest");
    await settle();
    expect(digestPosted()).toHaveLength(1);
    const nonces = new Set(attempts().map((r) => (r.body as { nonce?: string }).nonce));
    expect([...nonces]).toEqual([recorded!.nonce]);
    // Built once, before the restart: the new instance read no history for it.
    expect(h.tracker.requests.filter((r) => r.owner === "mia")).toEqual([]);
    const sent = await h.bot.store.digest.week(userId, "2026-W50");
    expect(sent).toMatchObject({ status: "sent", png: null });
  }, 120_000);
});
