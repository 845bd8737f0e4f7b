import { describe, expect, it } from "vitest";
import { closeHarnessAfterEach, later, setup } from "./pollerSetup.js";
import { botPosts, burst, expectedSchedules, postedLines, postedSchedules } from "./posts.js";

closeHarnessAfterEach();

describe("/subscribe to:dm", () => {
  it("posts new items into the member's DM exactly once, through a restart", async () => {
    const { h, userId, session, subscribe } = await setup();
    const handle = await subscribe({ session, to: "dm" });
    expect(handle.original?.content).toContain("DM");
    const opened = h.discord.requests.filter((r) => r.path === "/users/@me/channels");
    expect(opened.at(-1)?.body).toEqual({ recipient_id: userId });
    const [sub] = await h.bot.store.subscriptions.list();
    expect(sub).toMatchObject({ target: "dm", guildId: h.guildId });
    const dmChannel = sub!.channelId;

    h.tracker.addHistory(session, burst(2, later(0)));
    await h.discord.waitFor(
      () => postedLines(h.discord, dmChannel).length >= 2,
      8000,
      "2 DM lines",
    );
    await h.restart();
    h.tracker.addHistory(session, burst(3, later(10)).slice(2));
    await h.discord.waitFor(
      () => postedLines(h.discord, dmChannel).length >= 3,
      8000,
      "3 DM lines",
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(postedSchedules(h.discord, dmChannel)).toEqual(expectedSchedules(3));
    expect(botPosts(h.discord, h.channelId)).toEqual([]);
  });

  it("pauses on 50007 without a DM about it, shows why in /subscriptions in the DM, resumes with nothing lost", async () => {
    const { h, userId, session } = await setup();
    // Made in the DM with the bot this time: no server involved.
    const made = await h.discord.interact
      .chatInput({ userId, name: "subscribe", options: { session, to: "dm" } })
      .waitFor("edit");
    expect(made.payload).toMatchObject({ context: 1 });
    const [sub] = await h.bot.store.subscriptions.list();
    expect(sub).toMatchObject({ target: "dm", guildId: null });

    h.discord.setDmsClosed(userId, true);
    h.tracker.addHistory(session, burst(2, later(0)));
    await h.discord.waitFor(
      () => h.logs().includes('"reason":"dm_closed"'),
      8000,
      "the pause in the log",
    );
    const [paused] = await h.bot.store.subscriptions.list();
    expect(paused).toMatchObject({ status: "paused", pausedReason: "dm_closed" });
    expect(botPosts(h.discord, sub!.channelId)).toEqual([]);
    // Nobody to tell: the DM is what failed, so no notice is even tried.
    expect(h.logs()).not.toContain("could not DM the owner");

    const listed = await h.discord.interact
      .chatInput({ userId, name: "subscriptions" })
      .waitFor("edit");
    const shown = JSON.stringify(listed.original?.embeds);
    expect(shown).toContain(sub!.id);
    expect(shown).toContain("DMs are closed");

    h.discord.setDmsClosed(userId, false);
    const again = await h.discord.interact
      .chatInput({ userId, name: "subscribe", options: { session, to: "dm" } })
      .waitFor("edit");
    expect(again.original?.content).toContain("Resumed");
    await h.discord.waitFor(
      () => postedLines(h.discord, sub!.channelId).length >= 2,
      8000,
      "2 DM lines",
    );
    expect(postedSchedules(h.discord, sub!.channelId)).toEqual(expectedSchedules(2));
  });

  it("lists only DM subscriptions in the DM, and /unsubscribe removes one there", async () => {
    const { h, userId, session, subscribe } = await setup();
    await subscribe({ session });
    await subscribe({ session, to: "dm" });
    const subs = await h.bot.store.subscriptions.list();
    const dmSub = subs.find((s) => s.target === "dm")!;
    const channelSub = subs.find((s) => s.target === "channel")!;
    const listed = await h.discord.interact
      .chatInput({ userId, name: "subscriptions" })
      .waitFor("edit");
    const shown = JSON.stringify(listed.original?.embeds);
    expect(shown).toContain(dmSub.id);
    expect(shown).not.toContain(channelSub.id);

    const refused = await h.discord.interact
      .chatInput({ userId, name: "subscribe", options: { session } })
      .waitFor("edit");
    expect(refused.original?.content).toContain("/subscribe to:dm");

    const removed = await h.discord.interact
      .chatInput({ userId, name: "unsubscribe", options: { subscription: dmSub.id } })
      .waitFor("edit");
    expect(removed.original?.content).toContain(dmSub.id);
    expect((await h.bot.store.subscriptions.list()).map((s) => s.id)).toEqual([channelSub.id]);
  });
});
