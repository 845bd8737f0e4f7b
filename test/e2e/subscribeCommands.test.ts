import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, linkMember, startHarness } from "./harness.js";

let h: Harness;
let owner: string;
let session: number;
const token = "tok_sub_0f1e2d3c4b5a69788796a5b4c3d2e1f0";

beforeAll(async () => {
  h = await startHarness({ env: { MAX_SUBSCRIPTIONS_PER_USER: "3" } });
  owner = h.member("owner");
  h.tracker.addToken(token, { nick: "lucy" });
  session = h.tracker.addSession(token, { active: true });
  h.tracker.addHistory(session, [
    { type: "START", happened: "2026-02-03 09:30:07.123" },
    { unit: 3600 },
  ]);
  await linkMember(h, owner, token);
});
afterAll(async () => {
  await h.close();
});

function command(
  name: string,
  options: Record<string, string | number | boolean> = {},
  userId = owner,
  extra = {},
) {
  return h.discord.interact
    .chatInput({ userId, guildId: h.guildId, channelId: h.channelId, name, options, ...extra })
    .waitFor("edit");
}

describe("/subscribe", () => {
  it("refuses a member who has not linked", async () => {
    const handle = await command("subscribe", {}, h.member("unlinked"));
    expect(handle.ephemeral).toBe(true);
    expect(handle.original?.content).toMatch(/\/link/);
  });

  it("refuses a channel the member cannot post in", async () => {
    const readOnly = h.discord.addChannel(h.guildId, {
      name: "announcements",
      permissionOverwrites: [
        { id: h.guildId, type: "role", deny: PermissionFlagsBits.SendMessages },
      ],
    });
    const handle = await command("subscribe", { session, channel: readOnly });
    expect(handle.original?.content).toMatch(
      /You cannot post in <#\d+> yourself \(missing: Send Messages\)/,
    );
    expect(await h.bot.store.subscriptions.listByUser(owner)).toEqual([]);
  });

  it("refuses a channel where the bot cannot embed, naming the permission", async () => {
    const noEmbeds = h.discord.addChannel(h.guildId, {
      name: "no-embeds",
      permissionOverwrites: [
        { id: h.discord.botUserId, type: "member", deny: PermissionFlagsBits.EmbedLinks },
      ],
    });
    const handle = await command("subscribe", { session, channel: noEmbeds });
    expect(handle.original?.content).toMatch(
      /The bot cannot post in <#\d+>: it is missing Embed Links/,
    );
  });

  it("subscribes from now on, says where posts go and how to stop, posts no backfill", async () => {
    const handle = await command("subscribe", { session, type: "ADD" });
    expect(handle.ephemeral).toBe(true);
    expect(handle.original?.content).toMatch(
      new RegExp(
        `Subscribed \\(\`[0-9a-f]+\`\\): changes of session ${session} will be posted in <#${h.channelId}>`,
      ),
    );
    expect(handle.original?.content).toMatch(/\/unsubscribe/);
    const [sub] = await h.bot.store.subscriptions.listByUser(owner);
    expect(sub).toMatchObject({
      session,
      currentSession: session,
      filters: { type: "ADD" },
      status: "active",
    });
    expect(sub?.watermark).not.toBeNull();
    // Two poll cycles later, nothing that existed before was posted.
    await new Promise((r) => setTimeout(r, 2500));
    expect(h.discord.messages(h.channelId).filter((m) => !m.webhook_id)).toEqual([]);
  });

  it("does not duplicate an identical subscription", async () => {
    const handle = await command("subscribe", { session, type: "ADD" });
    expect(handle.original?.content).toMatch(/already have this subscription/);
    expect(await h.bot.store.subscriptions.listByUser(owner)).toHaveLength(1);
  });

  it("follows the active session when no session is given", async () => {
    const handle = await command("subscribe", {});
    expect(handle.original?.content).toMatch(/whichever of your sessions is active/);
    const follow = (await h.bot.store.subscriptions.listByUser(owner)).find(
      (s) => s.session === null,
    );
    expect(follow?.currentSession).toBe(session);
  });

  it("enforces the per-member limit", async () => {
    await command("subscribe", { session, source: "DICE" });
    const handle = await command("subscribe", { session, source: "LUCK" });
    expect(handle.original?.content).toMatch(/most this server's bot allows per member \(3\)/);
  });
});

describe("/subscriptions and /unsubscribe", () => {
  it("lists the caller's subscriptions with channel, session, filters and status", async () => {
    const handle = await command("subscriptions");
    const text = JSON.stringify(handle.original?.embeds);
    expect(text).toContain(`<#${h.channelId}>`);
    expect(text).toContain(`session ${session}`);
    expect(text).toContain("type ADD");
    expect(text).toContain("active session");
    expect(text).toContain("nothing posted yet");
  });

  it("autocompletes own subscriptions; Manage Server also sees everyone's", async () => {
    const other = h.member("other");
    const otherToken = "tok_other_ffeeddccbbaa99887766554433";
    h.tracker.addToken(otherToken, { nick: "other" });
    h.tracker.addSession(otherToken, { active: true });
    await linkMember(h, other, otherToken);
    await command("subscribe", {}, other);
    const mine = (await h.bot.store.subscriptions.listByUser(owner)).map((s) => s.id).sort();
    const theirs = (await h.bot.store.subscriptions.listByUser(other)).map((s) => s.id);

    const ask = async (perms?: bigint) => {
      const handle = h.discord.interact.autocomplete({
        userId: owner,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "unsubscribe",
        options: { subscription: "" },
        focused: "subscription",
        ...(perms !== undefined && { memberPermissions: perms }),
      });
      await handle.waitFor("ack");
      return (handle.choices() ?? []).map((c) => String(c.value));
    };
    expect((await ask()).sort()).toEqual(mine);
    expect((await ask(PermissionFlagsBits.ManageGuild)).sort()).toEqual(
      [...mine, ...theirs].sort(),
    );
  });

  it("refuses to remove another member's subscription without Manage Server", async () => {
    const [theirs] = await h.bot.store.subscriptions.listByUser(h.member("other"));
    const handle = await command("unsubscribe", { subscription: theirs!.id });
    expect(handle.original?.content).toMatch(/No subscription/);
    expect(await h.bot.store.subscriptions.get(theirs!.id)).toBeDefined();
  });

  it("removes a subscription at once", async () => {
    const [first] = await h.bot.store.subscriptions.listByUser(owner);
    const handle = await command("unsubscribe", { subscription: first!.id });
    expect(handle.original?.content).toContain(`Removed subscription \`${first!.id}\``);
    expect(await h.bot.store.subscriptions.get(first!.id)).toBeUndefined();
  });

  it("lets Manage Server remove anyone's", async () => {
    const other = h.member("other");
    const [theirs] = await h.bot.store.subscriptions.listByUser(other);
    const handle = await command("unsubscribe", { subscription: theirs!.id }, owner, {
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    expect(handle.original?.content).toContain(`made by <@${other}>`);
    expect(await h.bot.store.subscriptions.listByUser(other)).toEqual([]);
  });
});

describe("per-server subscription limit", () => {
  it("refuses a subscription over MAX_SUBSCRIPTIONS_PER_GUILD with the reason", async () => {
    const g = await startHarness({ env: { MAX_SUBSCRIPTIONS_PER_GUILD: "1" } });
    try {
      const users = ["first", "second"].map((name) => g.member(name));
      for (const [i, userId] of users.entries()) {
        const t = `tok_guild_limit_${i}_00112233445566778899`;
        g.tracker.addToken(t, { nick: `u${i}` });
        g.tracker.addSession(t, { active: true });
        await linkMember(g, userId, t);
      }
      const run = (userId: string) =>
        g.discord.interact
          .chatInput({
            userId,
            guildId: g.guildId,
            channelId: g.channelId,
            name: "subscribe",
            options: {},
          })
          .waitFor("edit");
      expect((await run(users[0]!)).original?.content).toMatch(/Subscribed/);
      expect((await run(users[1]!)).original?.content).toMatch(
        /This server already has 1 subscription, the most its bot allows \(1\)/,
      );
    } finally {
      await g.close();
    }
  });
});
