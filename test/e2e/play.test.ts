/**
 * /play and /dom end to end: exactly one POST to games.php with the right bearer and body, the
 * result or the tracker's refusal shown, and nothing sent again when Discord re-sends it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeRequest } from "../fakes/tracker.js";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const wearerToken = "tok_wearer_0c1d2e3f4a5b6c7d8e9f";
const domToken = "tok_keyholder_9f8e7d6c5b4a3f2e1d0c";
const readOnlyToken = "tok_readonly_11223344556677889900";

const posts = (): FakeRequest[] => h.tracker.requests.filter((r) => r.endpoint === "games");

function command(userId: string, name: string, options: Record<string, string | number | boolean>) {
  return h.discord.interact.chatInput({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    name,
    options,
  });
}

describe("/play and /dom", () => {
  let wearer: string;
  let keyholder: string;
  let session: number;

  beforeAll(async () => {
    wearer = h.member("wearer");
    keyholder = h.member("keyholder");
    h.tracker.addToken(wearerToken, { nick: "wearer" });
    h.tracker.addToken(domToken, { nick: "keyholder" });
    session = h.tracker.addSession(wearerToken, {
      lockedBy: "keyholder",
      scheduledEnd: "2026-03-01 12:00:00",
    });
    await linkMember(h, wearer, wearerToken);
    await linkMember(h, keyholder, domToken);
  });

  it("/play dice sends one POST with the wearer's bearer and dom=0, and shows the result", async () => {
    h.tracker.resetRequests();
    const handle = command(wearer, "play", { game: "dice" });
    await handle.waitFor("edit");
    const sent = posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.owner).toBe("wearer");
    expect(sent[0]?.body).toEqual({ game: "dice", dom: 0, session });
    const content = handle.original?.content ?? "";
    expect(content).toContain("**1 h** added");
    // 2026-03-01 12:00 + 1 h
    expect(content).toContain(`<t:${Date.UTC(2026, 2, 1, 13) / 1000}:f>`);
    expect(content).toContain(":R>");
    expect(handle.ephemeral).toBe(true);
  });

  /** One /play, its answer: exactly one POST, the tracker's words shown only to the member. */
  async function refusedPlay(session: number, game = "dice") {
    h.tracker.resetRequests();
    const handle = command(wearer, "play", { game, session });
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    expect(handle.ephemeral).toBe(true);
    expect((await h.bot.store.plays.get(handle.id))?.state).toBe("refused");
    // Well after the answer: still one POST (a refusal is never sent again).
    await new Promise((r) => setTimeout(r, 300));
    expect(posts()).toHaveLength(1);
    const content = handle.original?.content ?? "";
    expect(content).not.toMatch(/unknown/);
    return content;
  }

  it("a second /play dice within the game's wait (409 wait_time) shows the tracker's refusal", async () => {
    const content = await refusedPlay(session);
    expect(h.tracker.requests.find((r) => r.endpoint === "games")?.status).toBe(409);
    expect(content).toMatch(
      /refused: Wait time not over: the next dice play is possible in (60 min 0|59 min \d+) s/,
    );
  });

  it("409 game disabled and 409 session ended are refusals in the tracker's words", async () => {
    h.tracker.setGameEnabled(session, "luck", false);
    expect(await refusedPlay(session, "luck")).toContain("The luck game is off for this lock");
    h.tracker.setGameEnabled(session, "luck", true);
    const ended = h.tracker.addSession(wearerToken, { end: "2026-02-02 00:00:00" });
    expect(await refusedPlay(ended, "luck")).toContain("This lock is not running");
  });

  it("422 and 400 in the tracker's envelope are refusals in its words", async () => {
    for (const [status, text] of [
      [422, "Unprocessable: the game settings are incomplete"],
      [400, "Invalid session parameter"],
    ] as const) {
      h.tracker.refuseNext(1, { status, code: "some_code", message: text }, { endpoint: "games" });
      expect(await refusedPlay(session, "luck")).toContain(text);
    }
  });

  it("Discord re-sending the same interaction sends nothing again", async () => {
    const first = command(wearer, "play", { game: "luck" });
    await first.waitFor("edit");
    h.tracker.resetRequests();
    h.discord.interact.redeliver(first);
    // The bot saw it again (its second acknowledgement is refused, as Discord would)...
    await first.waitFor((x) => x.events.some((e) => e.errorCode === 40060));
    await new Promise((r) => setTimeout(r, 300));
    // ...and did not play again.
    expect(posts()).toHaveLength(0);
    const stored = await h.bot.store.plays.get(first.id);
    expect(stored?.state).toBe("done");
  });

  it("/dom sends dom=1 with the keyholder's bearer", async () => {
    h.tracker.resetRequests();
    const handle = command(keyholder, "dom", { game: "link", session, type: "sub" });
    await handle.waitFor("edit");
    const sent = posts();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.owner).toBe("keyholder");
    expect(sent[0]?.body).toEqual({ game: "link", dom: 1, session, type: "sub" });
    expect(handle.original?.content).toContain("**10 min** removed");
  });

  it("/dom by someone who is not the dom shows the tracker's refusal", async () => {
    const stranger = h.member("stranger");
    h.tracker.addToken("tok_stranger_abcdefabcdefabcdef12", { nick: "stranger" });
    await linkMember(h, stranger, "tok_stranger_abcdefabcdefabcdef12");
    h.tracker.resetRequests();
    const handle = command(stranger, "dom", { game: "dice", session });
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.owner).toBe("stranger");
    expect(handle.original?.content).toContain("You are not the dom of this session");
  });

  it("/dom link without type asks for it and sends nothing", async () => {
    h.tracker.resetRequests();
    const handle = command(keyholder, "dom", { game: "link", session });
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(0);
    expect(handle.original?.content).toContain("type:");
  });

  it("a read-only token gets the tracker's 403 text", async () => {
    const reader = h.member("reader");
    h.tracker.addToken(readOnlyToken, { nick: "reader", readOnly: true });
    const own = h.tracker.addSession(readOnlyToken, {});
    await linkMember(h, reader, readOnlyToken);
    h.tracker.resetRequests();
    const handle = command(reader, "play", { game: "luck", session: own });
    await handle.waitFor("edit");
    expect(posts()).toHaveLength(1);
    expect(handle.original?.content).toContain("missing write permission");
  });

  it("/play without a running session says so and sends nothing", async () => {
    const idle = h.member("idle");
    h.tracker.addToken("tok_idle_member_0099887766554433", { nick: "idle" });
    h.tracker.addSession("tok_idle_member_0099887766554433", { end: "2026-02-02 00:00:00" });
    await linkMember(h, idle, "tok_idle_member_0099887766554433");
    h.tracker.resetRequests();
    const handle = command(idle, "play", { game: "dice" });
    await handle.waitFor("edit");
    expect(handle.original?.content).toContain("no active session");
    expect(posts()).toHaveLength(0);
  });

  it("a timeout is not retried and the member is told the outcome is unknown", async () => {
    h.tracker.resetRequests();
    h.tracker.failNext(1, "hang", { endpoint: "games" });
    const handle = command(keyholder, "dom", { game: "luck", session });
    await handle.waitFor("edit", 8000);
    expect(posts()).toHaveLength(1);
    expect(handle.original?.content).toMatch(/unknown/);
    expect((await h.bot.store.plays.get(handle.id))?.state).toBe("unknown");
    // Well after the deadline: still exactly one POST.
    await new Promise((r) => setTimeout(r, 500));
    expect(posts()).toHaveLength(1);
  });
});
