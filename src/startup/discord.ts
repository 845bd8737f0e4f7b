/** The discord.js client, the poller's two ways to reach Discord, and login. */
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type GuildMember,
  Options,
  Routes,
} from "discord.js";
import { z } from "zod";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { DeliveryError } from "../poller/sender/errors.js";
import type { Deliver } from "../poller/poller.js";

export class StartupError extends Error {}

const postedMessage = z.object({ id: z.string() });

/**
 * What discord.js keeps in memory: only what the bot reads (servers, their channels, threads
 * and roles, and its own member for permission checks: see `guild.members.me`,
 * `permissionsFor`, `guild.roles.cache`). Everything else is built for the moment it is used
 * and not kept: the bot never reads a cached message, reaction, presence, emoji, sticker,
 * voice state, invite, ban, scheduled event or other member. At 2,500 servers the defaults
 * keep each server's emojis, stickers and members it hears of for as long as the bot runs.
 */
const botCaches = Options.cacheWithLimits({
  MessageManager: 0,
  GuildMessageManager: 0,
  DMMessageManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  PresenceManager: 0,
  ThreadMemberManager: 0,
  GuildEmojiManager: 0,
  BaseGuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  StageInstanceManager: 0,
  VoiceStateManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  AutoModerationRuleManager: 0,
  ApplicationCommandManager: 0,
  GuildMemberManager: {
    maxSize: 0,
    keepOverLimit: (member: GuildMember) => member.id === member.client.user.id,
  },
});

/** Users (members who used a command: /unsubscribe shows their names) and archived threads age out. */
const botSweepers = {
  ...Options.DefaultSweeperSettings,
  users: {
    interval: 3_600,
    filter: () => (user: { id: string; client: { user: { id: string } } }) =>
      user.id !== user.client.user.id,
  },
};

export function createDiscordClient(config: Config, logger: Logger): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: config.DISCORD_API_URL },
    // Discord's recommended shard count (GET /gateway/bot), all in this process: past 2,500
    // servers Discord requires shards, and "auto" follows its advice as the bot grows.
    shards: "auto",
    makeCache: botCaches,
    sweepers: botSweepers,
  });
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.ShardDisconnect, (event) =>
    logger.warn({ code: event.code }, "gateway disconnected"),
  );
  return client;
}

export function discordDelivery(client: Client): {
  deliver: Deliver;
  notifyUser: (userId: string, text: string) => Promise<void>;
} {
  return {
    deliver: async (channelId, body) => {
      try {
        const message = postedMessage.parse(
          await client.rest.post(Routes.channelMessages(channelId), { body }),
        );
        return { id: message.id };
      } catch (err) {
        if (err instanceof DiscordAPIError) {
          throw new DeliveryError(err.message, { code: Number(err.code), status: err.status });
        }
        throw err;
      }
    },
    notifyUser: async (userId, text) => {
      const user = await client.users.fetch(userId);
      await user.send({ content: text, allowedMentions: { parse: [] } });
    },
  };
}

/** Logs in and waits for READY; a refused login becomes a StartupError with a plain fix. */
export async function loginDiscord(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
  } catch (err) {
    void client.destroy();
    throw new StartupError(describeLoginError(err));
  }
  await ready;
}

function describeLoginError(err: unknown): string {
  const code = typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
  const message = err instanceof Error ? err.message : String(err);
  if (code === "TokenInvalid" || /token/i.test(message)) {
    return "Discord rejected DISCORD_TOKEN. Copy the bot token again from the Discord developer portal (Bot -> Reset Token) into .env.";
  }
  if (code === "DisallowedIntents") {
    return "Discord refused the gateway intents. This bot needs no privileged intents; check the application's settings.";
  }
  return `Could not connect to Discord: ${message}`;
}
