/**
 * The discord.js client keeps only what the bot reads: a server's other members are not kept
 * (the defaults keep every member GUILD_CREATE names), its own member is, so permission checks
 * still work.
 */
import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { createDiscordClient, loginDiscord } from "../../src/startup/discord.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";

describe("the Discord client's caches", () => {
  let discord: FakeDiscord;
  let guildId: string;
  let channelId: string;

  beforeAll(async () => {
    discord = await startFakeDiscord();
    guildId = discord.addGuild({
      name: "Busy server",
      everyonePermissions: PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages,
    });
    channelId = discord.addChannel(guildId, { name: "lock-log" });
    for (let i = 0; i < 20; i++) discord.addMember(guildId, { username: `member${i}` });
  });
  afterAll(() => discord.close());

  it("keep the bot's own member for permission checks and no other member", async () => {
    const config = loadConfig({
      DISCORD_TOKEN: discord.botToken,
      DISCORD_API_URL: discord.apiUrl,
      TRACKER_API_URL: "http://127.0.0.1:9",
      DATABASE_URL: "sqlite:///tmp/unused.sqlite",
      TOKEN_ENCRYPTION_KEY: "5e".repeat(32),
    });
    const client = createDiscordClient(config, silentLogger());
    try {
      await loginDiscord(client, discord.botToken);
      const guild = client.guilds.cache.get(guildId);
      expect(guild?.memberCount).toBeGreaterThanOrEqual(21);
      expect(guild?.members.cache.map((m) => m.id)).toEqual([client.user?.id]);
      const me = guild?.members.me;
      expect(me).toBeDefined();
      const channel = guild?.channels.cache.get(channelId);
      expect(channel?.isTextBased()).toBe(true);
      const allowed = channel && me ? channel.permissionsFor(me) : null;
      expect(allowed?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    } finally {
      await client.destroy();
    }
  });
});
