/**
 * A busy flow at LOG_LEVEL=info: links, subscriptions to a channel, a failing channel and a DM,
 * posts of history items and game-rule changes, /histories, role sync, /privacy, /unlink. The
 * captured log must carry ids only: no nicks, no tracker free text, no history contents. At the
 * end the outbox and UI namespaces are empty and every stored key has a listed shape.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyShapeOf } from "../../src/store/keyShapes.js";
import { linkMember } from "./harness.js";
import { burst, postedLines } from "./posts.js";
import { closeRolesHarnessAfterEach, rolesSetup } from "./rolesSetup.js";
import { storedRows } from "./storeScan.js";

closeRolesHarnessAfterEach();

/** Words that may only reach Discord, never the log. */
const secret = {
  trackerNick: "Nightingale-Tracker",
  otherTrackerNick: "Kestrel-Tracker",
  discordName: "wearer-discord-name",
  otherDiscordName: "observer-discord-name",
  keyholder: "Keyholder-Karla",
  notes: "free-text session notes",
  domNick: "Mistress-Morwen",
  gameLabel: "waiting-time-label",
};

describe("logs at info", () => {
  it("hold ids only through a busy flow; the outbox and UI state end empty", async () => {
    const s = await rolesSetup({ env: { LOG_LEVEL: "info" } });
    const { h } = s;
    await s.configure();
    const userId = h.member(secret.discordName);
    const other = h.member(secret.otherDiscordName);
    const token = "tok_logs_0011223344556677889900aabbcc";
    const otherToken = "tok_logs_ffeeddccbbaa99887766554433";
    h.tracker.addToken(token, { nick: secret.trackerNick });
    h.tracker.addToken(otherToken, { nick: secret.otherTrackerNick });
    const session = h.tracker.addSession(token, {
      active: true,
      lockedBy: secret.keyholder,
      notes: secret.notes,
    });
    await linkMember(h, userId, token);
    await linkMember(h, other, otherToken);
    const failing = h.discord.addChannel(h.guildId, { name: "no-rights" });
    const command = (who: string, name: string, options: Record<string, unknown> = {}) =>
      h.discord.interact
        .chatInput({
          userId: who,
          guildId: h.guildId,
          channelId: h.channelId,
          name,
          options: options as Record<string, string | number | boolean>,
        })
        .waitFor("edit");
    await command(userId, "subscribe", { session, games: true });
    await command(userId, "subscribe", { session, channel: failing });
    await command(userId, "subscribe", { session, to: "dm" });
    await s.consent(userId);
    h.discord.failChannel(failing, { status: 403, code: 50013, message: "Missing Permissions" });

    h.tracker.addHistory(session, burst(5, Date.now() - 60_000));
    h.tracker.addGameChanges(session, [
      {
        action: "UPDATE",
        happened: new Date(Date.now() - 30_000),
        domNick: secret.domNick,
        changes: [{ label: secret.gameLabel, from: "1 h", to: "2 h" }],
      },
    ]);
    await h.discord.waitFor(
      () => postedLines(h.discord, h.channelId).length >= 5 && h.discord.dmsTo(userId).length >= 2,
      10_000,
      "posts in the channel and the DM",
    );
    await command(userId, "histories", { session });
    await command(other, "histories", { session: 1 });
    await command(userId, "privacy", { json: true });
    await command(userId, "unlink");
    await command(other, "unlink");
    // Let the poller run a cycle or two after the unlinks.
    await new Promise((r) => setTimeout(r, 2500));

    const logs = h.logs();
    expect(logs).toMatch(/"msg":"account linked"/);
    expect(logs).not.toMatch(/"level":20/);
    const posted = h.discord
      .messages(h.channelId)
      .flatMap((m) => (m.embeds ?? []).flatMap((e) => (e.description ?? "").split("\n")))
      .filter((line) => line.length > 12);
    expect(posted.length).toBeGreaterThan(0);
    const leaks = [...Object.values(secret), ...posted, token, otherToken].filter((word) =>
      logs.includes(word),
    );
    expect(leaks).toEqual([]);

    const rows = await storedRows(path.join(h.dir, "bot.sqlite"));
    expect(rows.filter((r) => r.namespace === "outbox" || r.namespace === "ui")).toEqual([]);
    expect(rows.filter((r) => !keyShapeOf(r.namespace, r.key))).toEqual([]);
  }, 30_000);
});
