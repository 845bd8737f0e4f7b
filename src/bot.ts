import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  PermissionFlagsBits,
  Routes,
} from "discord.js";
import { z } from "zod";
import { commandDefinitions, commands } from "../commands/index.js";
import type { Config } from "./config.js";
import { dataDirFor } from "./dataDir.js";
import { type BotContext, createSessionCache } from "./discord/context.js";
import { createPostLocale } from "./discord/postLocale.js";
import { syncCommands } from "./discord/registration.js";
import { createInteractionRouter } from "./discord/router.js";
import { createMetrics, type Metrics } from "./health/metrics.js";
import { startHealthServer } from "./health/server.js";
import type { Logger } from "./log.js";
import { DeliveryError } from "./poller/errors.js";
import { createPoller } from "./poller/poller.js";
import { createDiscordRoleApi } from "./roles/api.js";
import { createRoleSync } from "./roles/sync.js";
import { createTokenCipher, parseEncryptionKey } from "./store/crypto.js";
import { loadOrCreateKey } from "./store/keyFile.js";
import { openStore } from "./store/keyvStore.js";
import type { Store } from "./store/types.js";
import { createTrackerClient } from "./tracker/client.js";

export interface Bot {
  client: Client;
  store: Store;
  metrics: Metrics;
  /** Port of the health server, when one runs. */
  healthPort: number | undefined;
  stop(): Promise<void>;
}

export class StartupError extends Error {}

const postedMessage = z.object({ id: z.string() });

/**
 * The composition root: config -> store -> clients -> login -> poller. Every
 * dependency is built here and handed down; nothing else reads the environment.
 */
export async function startBot(
  config: Config,
  logger: Logger,
  now: () => Date = () => new Date(),
): Promise<Bot> {
  const discordToken = config.DISCORD_TOKEN;
  if (!discordToken) throw new StartupError("DISCORD_TOKEN is not set");

  const currentKey = config.TOKEN_ENCRYPTION_KEY
    ? parseEncryptionKey(config.TOKEN_ENCRYPTION_KEY)
    : await loadOrCreateKey({ dataDir: dataDirFor(config.DATABASE_URL), logger });
  const previous = (config.TOKEN_ENCRYPTION_OLD_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "")
    .map(parseEncryptionKey);
  const cipher = createTokenCipher({ current: currentKey, previous });
  const store = await openStore({ databaseUrl: config.DATABASE_URL, cipher, logger });

  const metrics = createMetrics();
  const tracker = createTrackerClient({
    baseUrl: config.TRACKER_API_URL,
    timeoutMs: config.TRACKER_TIMEOUT_SECONDS * 1000,
    logger,
    onRequest: (info) => metrics.trackerRequest(info),
  });

  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    rest: { api: config.DISCORD_API_URL },
  });
  const notifyUser = async (userId: string, text: string) => {
    const user = await client.users.fetch(userId);
    await user.send({ content: text, allowedMentions: { parse: [] } });
  };
  const roleSync = createRoleSync({
    store: store.roles,
    api: createDiscordRoleApi(client),
    logger,
    now,
    notifyUser,
  });
  const ctx: BotContext = {
    config,
    logger,
    store,
    tracker,
    client,
    now,
    sessionCache: createSessionCache(60_000),
    postLocale: createPostLocale({
      locales: store.locales,
      guildPreferredLocale: (guildId) => client.guilds.cache.get(guildId)?.preferredLocale,
    }),
    roleSync,
  };
  const router = createInteractionRouter(commands, ctx);
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.ShardDisconnect, (event) =>
    logger.warn({ code: event.code }, "gateway disconnected"),
  );

  const poller = createPoller({
    store,
    tracker,
    logger,
    now,
    intervalMs: config.POLL_INTERVAL_SECONDS * 1000,
    concurrency: config.POLL_CONCURRENCY,
    metrics,
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
    notifyUser,
    // Role sync rides on the poller's active-session lookups (one per member per interval).
    extraActiveLookups: () => roleSync.activeLookups(),
    onActiveSessions: (userId, ids) => roleSync.onActiveSessions(userId, ids),
  });

  ctx.backoffUntil = (subscription) => poller.backoffUntil(subscription);
  metrics.setSubscriptionSource(async () => {
    const counts: Record<string, number> = { active: 0, paused: 0 };
    for (const s of await store.subscriptions.list())
      counts[s.status] = (counts[s.status] ?? 0) + 1;
    return counts;
  });
  metrics.setGatewayPing(() => client.ws.ping);

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(discordToken);
  } catch (err) {
    await Promise.allSettled([tracker.close(), store.close()]);
    void client.destroy();
    throw new StartupError(describeLoginError(err));
  }
  await ready;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");

  const applicationId = client.application?.id ?? client.user?.id;
  if (applicationId) {
    await syncCommands({
      rest: client.rest,
      target: { applicationId, guildId: config.COMMAND_GUILD_ID },
      definitions: commandDefinitions,
      meta: store.meta,
      logger,
    }).catch((err) =>
      logger.error({ err, guildId: config.COMMAND_GUILD_ID }, "could not register slash commands"),
    );
  }

  poller.start();
  logger.info(
    {
      pollIntervalSeconds: config.POLL_INTERVAL_SECONDS,
      subscriptions: (await store.subscriptions.list()).length,
      invite: applicationId ? inviteUrl(applicationId) : undefined,
      userInstall: applicationId ? userInstallUrl(applicationId) : undefined,
    },
    "ready: polling the tracker; invite the bot with the invite URL (members add it to their account with the userInstall URL)",
  );

  const health =
    config.HEALTH_PORT === undefined
      ? undefined
      : await startHealthServer({
          port: config.HEALTH_PORT,
          host: config.HEALTH_HOST,
          metrics,
          logger,
          checks: {
            gateway: () =>
              client.isReady() ? { ok: true } : { ok: false, reason: "gateway not ready" },
            store: () => store.ping(),
          },
        });

  let stopping: Promise<void> | undefined;
  return {
    client,
    store,
    metrics,
    healthPort: health?.port,
    stop() {
      stopping ??= (async () => {
        logger.info("shutting down");
        await poller.stop();
        await Promise.race([roleSync.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
        await health?.close();
        await client.destroy();
        await tracker.close();
        await store.close();
        logger.info("stopped");
      })();
      return stopping;
    },
  };
}

/**
 * The scopes and exact permissions the README explains: View Channels, Send Messages (in
 * Threads), Embed Links, and Manage Roles for role sync (`/roles`: the bot adds and removes
 * the configured roles; Discord only lets it manage roles below its own highest role).
 */
export const invitePermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ManageRoles;

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${invitePermissions}`;
}

/** Adds the app to a member's own account: /link, /unlink and /histories then work anywhere. */
export function userInstallUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&integration_type=1&scope=applications.commands`;
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
