import {
  type Client,
  DiscordAPIError,
  EmbedBuilder,
  PermissionFlagsBits,
  type SendableChannels,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readyClient } from "./harness.js";
import { type FakeDiscord, startFakeDiscord } from "./index.js";

let fake: FakeDiscord;
let client: Client<true>;
let guildId: string;
let channelId: string;
let userId: string;

beforeEach(async () => {
  fake = await startFakeDiscord();
  guildId = fake.addGuild();
  channelId = fake.addChannel(guildId, { name: "updates" });
  userId = fake.addMember(guildId, { username: "wearer" });
  client = await readyClient(fake);
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
});

function channel(id = channelId): SendableChannels {
  const found = client.channels.cache.get(id);
  if (!found?.isSendable()) throw new Error(`channel ${id} not sendable`);
  return found;
}

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected DiscordAPIError, got ${error}`);
  return error;
}

describe("channel messages", () => {
  it("returns a full message object and records the request", async () => {
    const embed = new EmbedBuilder().setTitle("Session").setDescription("locked");
    const sent = await channel().send({ content: `hello <@${userId}>`, embeds: [embed] });
    expect(sent.author.id).toBe(fake.botUserId);
    expect(sent.embeds[0]?.title).toBe("Session");
    expect(sent.mentions.users.has(userId)).toBe(true);
    const [stored] = fake.messages(channelId);
    expect(stored).toMatchObject({ id: sent.id, channel_id: channelId, type: 0, pinned: false });
    const request = fake.requests.find((r) => r.method === "POST");
    expect(request?.path).toBe(`/channels/${channelId}/messages`);
    expect(request?.body).toMatchObject({ content: `hello <@${userId}>` });
  });

  it("posts a repeated enforced nonce only once", async () => {
    const first = await channel().send({
      content: "once",
      nonce: "delivery-42",
      enforceNonce: true,
    });
    const second = await channel().send({
      content: "once",
      nonce: "delivery-42",
      enforceNonce: true,
    });
    expect(second.id).toBe(first.id);
    expect(fake.messages(channelId)).toHaveLength(1);
    expect(fake.messages(channelId)[0]?.nonce).toBe("delivery-42");
  });

  it("edits the bot's messages", async () => {
    const sent = await channel().send("v1");
    await sent.edit("v2");
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(["v2"]);
    expect(fake.message(sent.id)?.edited_timestamp).not.toBeNull();
  });

  it("fails a channel persistently, then recovers", async () => {
    const missing = { status: 403, code: 50013, message: "Missing Permissions" };
    fake.failChannel(channelId, missing);
    for (const text of ["a", "b"]) {
      const error = await apiError(channel().send(text));
      expect(error.code).toBe(50013);
      expect(error.status).toBe(403);
    }
    fake.failChannel(channelId, null);
    await channel().send("c");
    expect(fake.messages(channelId).map((m) => m.content)).toEqual(["c"]);
  });

  it("fails the next matching request only", async () => {
    fake.failNext(
      { method: "POST", path: /\/messages$/ },
      { status: 404, code: 10003, message: "Unknown Channel" },
    );
    expect((await apiError(channel().send("x"))).code).toBe(10003);
    await channel().send("y");
    expect(fake.messages(channelId)).toHaveLength(1);
  });

  it("enforces Discord's message limits", async () => {
    expect((await apiError(channel().send("x".repeat(2001)))).code).toBe(50035);
    const embeds = Array.from({ length: 11 }, (_, i) => ({ title: `e${i}` }));
    expect((await apiError(channel().send({ embeds }))).code).toBe(50035);
    const long = { description: "d".repeat(4000) };
    const tooMuch = await apiError(channel().send({ embeds: [long, long] }));
    expect(tooMuch.rawError).toMatchObject({
      errors: { embeds: { _errors: [{ code: "MAX_EMBED_SIZE_EXCEEDED" }] } },
    });
    const nonce = await apiError(channel().send({ content: "n", nonce: "x".repeat(26) }));
    expect(nonce.code).toBe(50035);
    const empty = await apiError(
      client.rest.post(`/channels/${channelId}/messages`, { body: { content: " " } }),
    );
    expect(empty.code).toBe(50006);
    expect(fake.messages(channelId)).toHaveLength(0);
  });

  it("rejects more than 5 component rows and custom ids over 100 characters", async () => {
    const row = (id: string) => ({
      type: 1,
      components: [{ type: 2, style: 1, label: "Go", custom_id: id }],
    });
    const rows = Array.from({ length: 6 }, (_, i) => row(`r${i}`));
    const post = (body: unknown) => client.rest.post(`/channels/${channelId}/messages`, { body });
    const tooMany = await apiError(post({ components: rows }));
    expect(tooMany.code).toBe(50035);
    const longId = await apiError(post({ components: [row("x".repeat(101))] }));
    expect(longId.rawError).toMatchObject({
      errors: { components: { 0: { components: { 0: { custom_id: { _errors: [{}] } } } } } },
    });
    await post({ components: [row("ok")] });
    expect(fake.messages(channelId)).toHaveLength(1);
  });

  it("checks the bot's channel permissions", async () => {
    fake.setBotPermissions(guildId, PermissionFlagsBits.ViewChannel);
    expect((await apiError(channel().send("no send"))).code).toBe(50013);
    fake.setPermissionOverwrites(channelId, [
      { id: guildId, type: "role", deny: PermissionFlagsBits.ViewChannel },
    ]);
    expect((await apiError(channel().send("no view"))).code).toBe(50001);
  });
});

describe("threads and seeds", () => {
  it("caches threads from GUILD_CREATE and posts into them", async () => {
    await client.destroy();
    const threadId = fake.addChannel(guildId, { type: 11, name: "log", parentId: channelId });
    client = await readyClient(fake);
    const thread = client.channels.cache.get(threadId);
    expect(thread?.isThread()).toBe(true);
    await channel(threadId).send("in thread");
    expect(fake.messages(threadId).map((m) => m.content)).toEqual(["in thread"]);
  });

  it("builds guilds from the start options", async () => {
    const seeded = await startFakeDiscord({
      guilds: [
        {
          id: "900000000000000001",
          name: "Seeded",
          roles: [{ id: "900000000000000002", name: "admin", permissions: 8n }],
          members: [{ userId: "900000000000000003", roles: ["900000000000000002"] }],
          channels: [{ id: "900000000000000004", name: "feed" }],
        },
      ],
    });
    const other = await readyClient(seeded);
    try {
      const guild = other.guilds.cache.get("900000000000000001");
      const member = guild?.members.cache.get("900000000000000003");
      expect(member?.permissions.has(PermissionFlagsBits.Administrator)).toBe(true);
      expect(guild?.channels.cache.get("900000000000000004")?.name).toBe("feed");
    } finally {
      await other.destroy();
      await seeded.close();
    }
  });
});

describe("DMs", () => {
  it("sends through user.send into the DM channel", async () => {
    const user = await client.users.fetch(userId);
    await user.send("your session ended");
    expect(fake.dmsTo(userId).map((m) => m.content)).toEqual(["your session ended"]);
    expect(fake.requests.some((r) => r.method === "POST" && r.path === "/users/@me/channels")).toBe(
      true,
    );
  });

  it("refuses DMs to a user who closed them with 50007", async () => {
    fake.setDmsClosed(userId, true);
    const user = await client.users.fetch(userId);
    expect((await apiError(user.send("hi"))).code).toBe(50007);
  });
});

describe("commands", () => {
  it("records global and guild command PUTs", async () => {
    await client.application.commands.set([{ name: "link", description: "Link your account" }]);
    await client.application.commands.set([{ name: "link", description: "Link again" }]);
    await client.application.commands.set([{ name: "dev", description: "Dev only" }], guildId);
    expect(fake.commands.puts).toBe(3);
    expect(fake.commands.global.map((c) => [c.name, c.description])).toEqual([
      ["link", "Link again"],
    ]);
    expect(fake.commands.guild(guildId).map((c) => c.name)).toEqual(["dev"]);
    const fetched = await client.application.commands.fetch();
    expect(fetched.map((c) => c.name)).toEqual(["link"]);
  });

  it("rejects invalid command definitions with 50035", async () => {
    const error = await apiError(
      client.application.commands.set([{ name: "Bad Name", description: "x" }]),
    );
    expect(error.code).toBe(50035);
    expect(fake.commands.puts).toBe(0);
  });
});
