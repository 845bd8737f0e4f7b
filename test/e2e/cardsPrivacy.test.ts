/** Status cards in /subscriptions, /privacy (text and JSON), /card remove and /unlink. */
import { describe, expect, it } from "vitest";
import type { Harness } from "./harness.js";
import { closeHarnessAfterEach, setup } from "./pollerSetup.js";
import { mentionsOf } from "./storeScan.js";

closeHarnessAfterEach();

function run(
  h: Harness,
  userId: string,
  name: string,
  extra: { subcommand?: string; options?: Record<string, string | number | boolean> } = {},
) {
  return h.discord.interact
    .chatInput({ userId, guildId: h.guildId, channelId: h.channelId, name, ...extra })
    .waitFor("edit", 10_000);
}

describe("status cards and privacy", () => {
  it("cards, announcements and leaderboard rows are listed and exported; /unlink removes them", async () => {
    const { h, userId, session, subscribe } = await setup();
    // Without a subscription that reads the session, no card (it would never be updated).
    const refused = await run(h, userId, "card", { subcommand: "post" });
    expect(refused.original?.content).toMatch(/subscribe to session \d+ first/);
    expect(await h.bot.store.cards.list()).toEqual([]);

    await subscribe({ session });
    const status = h.discord.addChannel(h.guildId, { name: "status" });
    const removable = h.discord.addChannel(h.guildId, { name: "status-2" });
    for (const channel of [status, removable])
      expect(
        (await run(h, userId, "card", { subcommand: "post", options: { channel } })).original
          ?.content,
      ).toMatch(/Card posted/);
    const again = await run(h, userId, "card", {
      subcommand: "post",
      options: { channel: status, session },
    });
    expect(again.original?.content).toMatch(/already has a card/);
    expect(await h.bot.store.cards.list()).toHaveLength(2);

    const listed = await run(h, userId, "subscriptions");
    const listText = JSON.stringify(listed.original?.embeds ?? []);
    expect(listText).toContain(`session ${session} in <#${status}> · live`);

    const removed = await run(h, userId, "card", {
      subcommand: "remove",
      options: { channel: removable },
    });
    expect(removed.original?.content).toMatch(/is removed/);
    expect(h.discord.messages(removable)).toEqual([]);
    const [card] = await h.bot.store.cards.list();
    expect(card?.channelId).toBe(status);

    // A leaderboard entry and a release announcement show up too.
    await run(h, userId, "leaderboard", { subcommand: "join" });
    await run(h, userId, "leaderboard", { subcommand: "show" });
    await subscribe({ session, announce_end: true, channel: status });
    const privacy = await run(h, userId, "privacy", { options: { json: true } });
    const text = privacy.original?.content ?? "";
    expect(text).toContain("**Status cards**");
    expect(text).toContain(`Session ${session} in <#${status}>, posted <t:`);
    const file = h.discord.requests.find(
      (r) => r.method === "PATCH" && r.path.includes(privacy.token) && r.files.length > 0,
    )?.files[0];
    const json = JSON.parse(file!.data.toString("utf8"));
    expect(json.statusCards).toEqual([
      expect.objectContaining({ id: card!.id, channelId: status, session, nick: "lucy" }),
    ]);

    expect(text).toContain("Joined the board of server Test server");
    expect(text).toMatch(/1 month of figures kept/);
    expect(text).toMatch(/announces the end of its session; last announced: none yet/);
    expect(json.leaderboard.servers).toEqual([
      { guildId: h.guildId, joinedAt: expect.any(String) },
    ]);
    expect(json.announcements).toEqual([
      expect.objectContaining({ channelId: status, lastAnnouncedSession: null }),
    ]);

    const unlinked = await run(h, userId, "unlink");
    expect(unlinked.original?.content).toMatch(/1 status card now says it is no longer shared/);
    expect(h.discord.message(card!.messageId)?.embeds[0]?.description).toBe(
      "This card is no longer shared.",
    );
    expect(await h.bot.store.cards.list()).toEqual([]);
    expect(await h.bot.store.leaderboard.memberships(userId)).toEqual([]);
    expect(await h.bot.store.leaderboard.months(userId)).toEqual([]);
    await h.bot.store.close().catch(() => undefined);
    expect(await mentionsOf(h.dir, userId)).toEqual([]);
  }, 60_000);
});
