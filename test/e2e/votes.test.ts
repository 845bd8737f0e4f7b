/**
 * Vote panels end to end: what each press sends on whose behalf (never the wearer's bearer),
 * at most once per press, the cooldown, closing, /unlink, and a restart in the middle.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { APIMessage } from "discord.js";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeRequest } from "../fakes/tracker.js";
import { type Harness, linkMember, memberBasics, startHarness } from "./harness.js";
import { postedSchedules } from "./posts.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tracker: { play: { votesPerVoter: 1 } } });
});
afterAll(async () => {
  await h.close();
});

const wearerToken = "tok_vote_wearer_5a6b7c8d9e0f1a2b";
const linkToken = "lg7f3e9a2c41d8b6e5";
const voterToken = "tok_vote_voter_0f9e8d7c6b5a4f3e";

const posts = (): FakeRequest[] => h.tracker.requests.filter((r) => r.endpoint === "games");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `done` every 50 ms; fails with `describe()` after `timeoutMs`. */
async function eventually(done: () => boolean, timeoutMs: number, describe: () => string) {
  const until = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > until) throw new Error(describe());
    await sleep(50);
  }
}

function panelIn(channelId: string): APIMessage | undefined {
  return h.discord
    .messages(channelId)
    .filter((m) => JSON.stringify(m.embeds).includes("Vote on"))
    .at(-1);
}

function press(userId: string, message: APIMessage, customIdEnd: string) {
  const button = JSON.stringify(message.components).match(
    new RegExp(`"custom_id":"(votes:[^"]*${customIdEnd})"`),
  );
  if (!button?.[1]) throw new Error(`no button ${customIdEnd}`);
  return h.discord.interact.button({
    userId,
    guildId: h.guildId,
    channelId: message.channel_id,
    customId: button[1],
    message: message.id,
  });
}

function votes(userId: string, subcommand: string, options: Record<string, string | boolean> = {}) {
  return h.discord.interact.chatInput({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    name: "votes",
    subcommand,
    options,
  });
}

async function openPanel(wearer: string): Promise<APIMessage> {
  const before = panelIn(h.channelId)?.id;
  const handle = votes(wearer, "open");
  await handle.waitFor("edit");
  expect(handle.original?.content).toContain("Vote panel posted");
  const panel = panelIn(h.channelId);
  if (!panel || panel.id === before) throw new Error("no new panel");
  return panel;
}

describe("vote panels", () => {
  let wearer: string;
  let session: number;
  let panel: APIMessage;
  let subChannel: string;

  beforeAll(async () => {
    wearer = h.member("vwearer");
    h.tracker.addToken(wearerToken, { nick: "vwearer", linkToken });
    session = h.tracker.addSession(wearerToken, { scheduledEnd: "2026-03-01 12:00:00" });
    await linkMember(h, wearer, wearerToken);
    subChannel = h.discord.addChannel(h.guildId, { name: "lock-feed" });
    const sub = h.discord.interact.chatInput({
      userId: wearer,
      guildId: h.guildId,
      channelId: subChannel,
      name: "subscribe",
    });
    await sub.waitFor("edit");
    panel = await openPanel(wearer);
  });

  it("posts a panel with the nick, session, release and ➕ ➖ 🎲 and Close buttons", () => {
    const text = JSON.stringify(panel.embeds);
    expect(text).toContain("vwearer");
    expect(text).toContain(`#${session}`);
    expect(text).toContain(`<t:${Date.UTC(2026, 2, 1, 12) / 1000}:R>`);
    const labels = JSON.stringify(panel.components);
    for (const label of ["➕", "➖", "🎲", "Close"]) expect(labels).toContain(label);
    // The public token is stored sealed, never in plain text.
    expect(JSON.stringify(panel)).not.toContain(linkToken);
  });

  it("a member who did not link votes without any bearer, with the panel's token and type", async () => {
    h.tracker.resetRequests();
    const voter = h.member("anon-voter");
    const handle = press(voter, panel, ":add");
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.hasAuth).toBe(false);
    expect(posts()[0]?.body).toEqual({ game: "link", dom: 0, token: linkToken, type: "add" });
    expect(handle.ephemeral).toBe(true);
    expect(handle.original?.content).toContain("**10 min** added");
  });

  it("a linked member votes with their own bearer, never the wearer's", async () => {
    const voter = h.member("linked-voter");
    h.tracker.addToken(voterToken, { nick: "linkedvoter" });
    await linkMember(h, voter, voterToken);
    h.tracker.resetRequests();
    const handle = press(voter, panel, ":sub");
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.owner).toBe("linkedvoter");
    expect(posts()[0]?.body).toMatchObject({ type: "sub", token: linkToken, dom: 0 });
    expect(handle.original?.content).toContain("removed");
  });

  it("a second Discord account linked to the wearer's tracker account votes without a bearer", async () => {
    const alt = h.member("alt-of-wearer");
    await linkMember(h, alt, wearerToken);
    h.tracker.resetRequests();
    const handle = press(alt, panel, ":rand");
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.hasAuth).toBe(false);
    expect(h.tracker.requests.some((r) => r.endpoint === "games" && r.owner === "vwearer")).toBe(
      false,
    );
  });

  it("the wearer's own press is refused and sends nothing", async () => {
    h.tracker.resetRequests();
    const handle = press(wearer, panel, ":add");
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("your own panel");
    expect(posts()).toHaveLength(0);
  });

  it("a 409 in the tracker's envelope on a vote is its refusal: its words, one POST, refused", async () => {
    const voter = h.member("refused-voter");
    h.tracker.addToken("tok_vote_refused_1a2b3c4d5e6f7a8b", { nick: "refusedvoter" });
    await linkMember(h, voter, "tok_vote_refused_1a2b3c4d5e6f7a8b");
    h.tracker.resetRequests();
    const message = "Wait time not over: the next vote is possible in 4 min 10 s";
    h.tracker.refuseNext(1, { status: 409, code: "wait_time", message }, { endpoint: "games" });
    const handle = press(voter, panel, ":add");
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    // The voter's own bearer, never the wearer's.
    expect(posts()[0]?.owner).toBe("refusedvoter");
    expect(handle.ephemeral).toBe(true);
    expect(handle.original?.content).toContain(message);
    expect((await h.bot.store.plays.get(handle.id))?.state).toBe("refused");
    await sleep(300);
    expect(posts()).toHaveLength(1);
  });

  it("a double press sends one POST; the second press is refused by the cooldown", async () => {
    const voter = h.member("double-clicker");
    h.tracker.resetRequests();
    const first = press(voter, panel, ":add");
    const second = press(voter, panel, ":add");
    await Promise.all([first.waitFor("edit"), second.waitFor("edit")]);
    expect(posts()).toHaveLength(1);
    const texts = [first.original?.content, second.original?.content].join("\n");
    expect(texts).toContain("You already voted on this panel");
    // Later, still within the cooldown: refused again, nothing sent.
    const third = press(voter, panel, ":sub");
    await third.waitFor("edit");
    expect(third.original?.content).toContain("You already voted");
    expect(posts()).toHaveLength(1);
  });

  it("keeps a tally on the panel (edited, not reposted)", async () => {
    await eventually(
      () => /4 votes/.test(JSON.stringify(h.discord.message(panel.id)?.embeds)),
      10_000,
      () => `tally: ${JSON.stringify(h.discord.message(panel.id)?.embeds)}`,
    );
    expect(panelIn(h.channelId)?.id).toBe(panel.id);
  });

  it("the subscription posts each vote exactly once through the poller", async () => {
    const ends = await h.bot.store.plays.votesOn(
      (await h.bot.store.plays.listPanels())[0]?.id ?? "",
    );
    const schedules = ends
      .filter((v) => v.state === "done" && v.scheduledEnd)
      .map((v) => Math.floor(new Date(v.scheduledEnd as string).getTime() / 1000));
    expect(schedules.length).toBeGreaterThanOrEqual(3);
    await eventually(
      () => schedules.every((s) => postedSchedules(h.discord, subChannel).includes(s)),
      10_000,
      () => `posted: ${postedSchedules(h.discord, subChannel).join(",")}`,
    );
    await sleep(2500);
    // Two votes may lead to the same release time: compare as multisets, one line per vote.
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    expect(sorted(postedSchedules(h.discord, subChannel))).toEqual(sorted(schedules));
  });

  it("a press while the tracker hangs is not retried after the timeout", async () => {
    const voter = h.member("patient-voter");
    h.tracker.resetRequests();
    h.tracker.failNext(1, "hang", { endpoint: "games" });
    const handle = press(voter, panel, ":add");
    await handle.waitFor("edit", 8000);
    expect(handle.original?.content).toMatch(/unknown/);
    await sleep(500);
    expect(posts()).toHaveLength(1);
  });

  it("a restart between 'attempt recorded' and 'outcome recorded' sends nothing again", async () => {
    const voter = h.member("restart-voter");
    h.tracker.resetRequests();
    h.tracker.failNext(1, "hang", { endpoint: "games" });
    const handle = press(voter, panel, ":sub");
    await eventually(
      () => posts().length === 1,
      5000,
      () => "no POST",
    );
    expect((await h.bot.store.plays.get(handle.id))?.state).toBe("pending");
    await h.restart();
    expect((await h.bot.store.plays.get(handle.id))?.state).toBe("unknown");
    h.discord.interact.redeliver(handle);
    const again = press(voter, panel, ":sub");
    await again.waitFor("edit");
    expect(again.original?.content).toContain("You already voted");
    await sleep(300);
    expect(posts()).toHaveLength(1);
  });

  it("the tracker's own per-voter limit is shown as its refusal", async () => {
    h.tracker.resetRequests();
    // linked-voter used their one vote; the bot's cooldown is per panel, so open a new one.
    const closed = votes(wearer, "close");
    await closed.waitFor("edit");
    panel = await openPanel(wearer);
    const voter = h.member("linked-voter");
    const handle = press(voter, panel, ":add");
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("You have already voted on this lock");
    // The check after a refusal found the session running and the token unchanged.
    expect((await h.bot.store.plays.getPanel(panelId(panel)))?.status).toBe("open");
  });

  it("/votes close edits the panel to closed and removes its buttons", async () => {
    const handle = votes(wearer, "close");
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("1 vote panel closed");
    const message = h.discord.message(panel.id);
    expect(message?.components ?? []).toHaveLength(0);
    expect(JSON.stringify(message?.embeds)).toContain("closed");
  });

  it("closes itself when the tracker stops accepting the token", async () => {
    panel = await openPanel(wearer);
    h.tracker.addToken(wearerToken, { nick: "vwearer", linkToken: "lgnew0000new1111" });
    const handle = press(h.member("late-voter"), panel, ":add");
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("Link game not found");
    await eventually(
      () => (h.discord.message(panel.id)?.components ?? []).length === 0,
      5000,
      () => "panel still open",
    );
    expect(JSON.stringify(h.discord.message(panel.id)?.embeds)).toContain("no longer accepts");
  });

  it("an admin can turn panels off (closing open ones); others cannot", async () => {
    panel = await openPanel(wearer);
    const member = votes(h.member("not-admin"), "server", { enabled: false });
    await member.waitFor("edit");
    expect(member.original?.content).toContain("Manage Server");
    const admin = h.discord.interact.chatInput({
      userId: h.member("admin"),
      guildId: h.guildId,
      channelId: h.channelId,
      name: "votes",
      subcommand: "server",
      options: { enabled: false },
      memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild,
    });
    await admin.waitFor("edit");
    expect(admin.original?.content).toContain("1 open panel was closed");
    expect(h.discord.message(panel.id)?.components ?? []).toHaveLength(0);
    const refused = votes(wearer, "open");
    await refused.waitFor("edit");
    expect(refused.original?.content).toContain("turned off");
    const on = h.discord.interact.chatInput({
      userId: h.member("admin"),
      guildId: h.guildId,
      channelId: h.channelId,
      name: "votes",
      subcommand: "server",
      options: { enabled: true },
      memberPermissions: memberBasics | PermissionFlagsBits.ManageGuild,
    });
    await on.waitFor("edit");
  });

  it("closes itself when the session ends", async () => {
    const wearer2 = h.member("ending-wearer");
    const token2 = "tok_ending_wearer_77665544332211";
    h.tracker.addToken(token2, { nick: "ending", linkToken: "lgend1234end5678" });
    const own = h.tracker.addSession(token2, {});
    await linkMember(h, wearer2, token2);
    const mine = await openPanel(wearer2);
    h.tracker.endSession(own);
    const handle = press(h.member("voter-after-end"), mine, ":add");
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("This lock is not running");
    await eventually(
      () => (h.discord.message(mine.id)?.components ?? []).length === 0,
      5000,
      () => "panel still open",
    );
    expect(JSON.stringify(h.discord.message(mine.id)?.embeds)).toContain("session ended");
  });

  it("lets the wearer paste the link when stats has none readable", async () => {
    const wearer3 = h.member("pasting-wearer");
    const token3 = "tok_pasting_wearer_99887766554433";
    const pasted = "lgpaste42paste42";
    h.tracker.addToken(token3, {
      nick: "paster",
      linkToken: pasted,
      stats: { link_game: "enabled" },
    });
    h.tracker.addSession(token3, {});
    await linkMember(h, wearer3, token3);
    const handle = votes(wearer3, "open");
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("paste your link-game link");
    const button = h.discord.interact.button({
      userId: wearer3,
      guildId: h.guildId,
      channelId: h.channelId,
      customId: `votes:paste:${h.channelId}`,
      message: handle.original!,
    });
    await button.waitFor("ack");
    expect(button.modal()?.custom_id).toBe(`votes:pasted:${h.channelId}`);
    const bad = h.discord.interact.modalSubmit({
      userId: wearer3,
      guildId: h.guildId,
      channelId: h.channelId,
      customId: `votes:pasted:${h.channelId}`,
      fields: { link: "no link here" },
    });
    await bad.waitFor("edit");
    expect(bad.original?.content).toContain("does not look like");
    const submit = h.discord.interact.modalSubmit({
      userId: wearer3,
      guildId: h.guildId,
      channelId: h.channelId,
      customId: `votes:pasted:${h.channelId}`,
      fields: { link: `https://www.chastitytracker.org/linkgame.php?token=${pasted}` },
    });
    await submit.waitFor("edit");
    expect(submit.original?.content).toContain("Vote panel posted");
    const mine = panelIn(h.channelId) as APIMessage;
    h.tracker.resetRequests();
    const vote = press(h.member("paste-voter"), mine, ":rand");
    await vote.waitFor("edit");
    expect(posts()[0]?.body).toMatchObject({ token: pasted, type: "rand" });
  });

  it("stores the link tokens sealed: the database file never holds them in plain text", async () => {
    const files = (await readdir(h.dir)).filter((f) => f.startsWith("bot.sqlite"));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = await readFile(path.join(h.dir, file));
      expect(bytes.includes(linkToken)).toBe(false);
      expect(bytes.includes("lgpaste42paste42")).toBe(false);
    }
  });

  it("only the owner can press Close; it removes the buttons", async () => {
    panel = await openPanel(wearer);
    const other = press(h.member("closer"), panel, `close:${panelId(panel)}`);
    await other.waitFor("reply");
    expect(JSON.stringify(other.responses)).toContain("Only the member who opened this panel");
    expect(h.discord.message(panel.id)?.components?.length).toBe(1);
    const own = press(wearer, panel, `close:${panelId(panel)}`);
    await own.waitFor("ack");
    await eventually(
      () => (h.discord.message(panel.id)?.components ?? []).length === 0,
      5000,
      () => "panel still has buttons",
    );
    expect(JSON.stringify(h.discord.message(panel.id)?.embeds)).toContain("closed");
  });

  it("/privacy lists the wearer's panels and a voter's votes; the export holds no link token", async () => {
    const privacy = (userId: string) =>
      h.discord.interact.chatInput({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "privacy",
        options: { json: true },
      });
    const mine = privacy(wearer);
    await mine.waitFor("edit", 15_000);
    const text = mine.original?.content ?? "";
    expect(text).toContain("Vote panels you opened");
    expect(text).toContain(`for session ${session}`);
    const file = h.discord.requests.find(
      (r) => r.method === "PATCH" && r.path.includes(mine.token) && r.files.length > 0,
    )?.files[0];
    const json = JSON.parse(file?.data.toString("utf8") ?? "{}");
    expect(json.votePanels.length).toBeGreaterThan(0);
    expect(json.votePanels[0]).toMatchObject({ session, channelId: h.channelId });
    expect(file?.data.toString("utf8")).not.toContain(linkToken);
    expect(JSON.stringify(json.votePanels)).not.toMatch(/v1\./);

    const voter = privacy(h.member("anon-voter"));
    await voter.waitFor("edit", 15_000);
    expect(voter.original?.content).toMatch(/\d+ plays? or votes? you made through the bot/);
  });

  it("/unlink closes the member's panels and forgets their link token", async () => {
    panel = await openPanel(wearer);
    const handle = h.discord.interact.chatInput({
      userId: wearer,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "unlink",
    });
    // The channel is busy by now: Discord's (fake's) per-channel limit may delay the edit.
    await handle.waitFor("edit", 15_000);
    expect(handle.original?.content).toContain("vote panel");
    expect(h.discord.message(panel.id)?.components ?? []).toHaveLength(0);
    expect(await h.bot.store.plays.listPanels((p) => p.ownerId === wearer)).toHaveLength(0);
    expect(h.logs()).not.toContain(linkToken);
  });
});

function panelId(message: APIMessage): string {
  const match = JSON.stringify(message.components).match(/votes:close:([^"]+)/);
  return match?.[1] ?? "";
}
