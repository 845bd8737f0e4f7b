import { type Client, Events, type Interaction, PermissionFlagsBits } from "discord.js";
import { createEndAnnouncer } from "./announce/end.js";
import { createLiveCards } from "./cards/live.js";
import { createLeaderboard } from "./leaderboard/board.js";
import { createDigests } from "./digest/scheduler.js";
import { commandDefinitions, commands } from "../commands/index.js";
import { type Clock, clockWithWall, systemClock } from "./util/clock.js";
import type { Config } from "./config.js";
import type { BotContext } from "./botContext.js";
import { createSessionCache } from "./discord/sessionCache.js";
import { createPostLocale } from "./i18n/postLocale.js";
import { syncCommands } from "./discord/registration.js";
import { createInteractionRouter } from "./discord/router.js";
import { startWallStepGuard } from "./discord/wallStepGuard.js";
import { createMetrics, type Metrics } from "./health/metrics.js";
import type { Logger } from "./log.js";
import { createVotePanels } from "./play/panels.js";
import { createPoller } from "./poller/poller.js";
import { createDiscordRoleApi } from "./roles/api.js";
import { createRoleSync } from "./roles/sync.js";
import {
  createDiscordClient,
  discordDelivery,
  loginDiscord,
  StartupError,
} from "./startup/discord.js";
import { startupLimitsMs, within } from "./startup/deadline.js";
import { startHealth, wireMetrics } from "./startup/observe.js";
import { openBotStore } from "./startup/store.js";
import { createBudgetedTracker } from "./startup/tracker.js";
import type { Store } from "./store/types.js";
import { registerReplicaMetrics, replicaHealth } from "./replicas/observe.js";
import { fencedDelivery, fencedPollerStore, type ReplicaHooks } from "./replicas/hooks.js";

export { StartupError };

export interface Bot {
  client: Client;
  store: Store;
  metrics: Metrics;
  /** Port of the health server, when one runs. */
  healthPort: number | undefined;
  stop(): Promise<void>;
}

/**
 * The composition root: config -> store -> clients -> login -> poller. Every
 * dependency is built here (the pieces live in src/startup/) and handed
 * down; nothing else reads the environment. `clock` drives the scheduler
 * and the request budget.
 */
export async function startBot(
  config: Config,
  logger: Logger,
  /** The date (wall clock): for what is shown, stored or sent to the tracker. */
  wall: () => Date = () => new Date(systemClock.wall()),
  clock: Clock = clockWithWall(wall),
  /** Several instances on Postgres: interactions and posts only under this instance's lease. */
  replica?: ReplicaHooks,
): Promise<Bot> {
  const discordToken = config.DISCORD_TOKEN;
  if (!discordToken) throw new StartupError("DISCORD_TOKEN is not set");

  const parts = await openParts(config, logger, clock, replica);
  const { store, metrics, tracker, budget, client } = parts;
  // discord.js's REST waits on the system's Date.now() (whatever clock the scheduler runs on):
  // a step of it moves them back in line.
  const wallStepGuard = startWallStepGuard({ clock: systemClock, rest: client.rest, logger });
  const services = wireServices(
    { config, logger, store, tracker, client, wall, clock },
    metrics,
    replica,
  );
  const { poller, votePanels, digests } = services;
  wireMetrics(metrics, { store, client, poller, budget });

  try {
    await connect(config, client, discordToken, replica);
  } catch (err) {
    void client.destroy();
    wallStepGuard.stop();
    await Promise.allSettled([tracker.close(), store.close()]);
    throw err;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "connected to Discord");
  const applicationId = await registerCommands(client, config, store, logger);

  poller.start();
  votePanels.start();
  digests.start();
  await logReady(config, store, logger, applicationId);
  const health = await within(
    `the health server to listen on ${config.HEALTH_HOST}:${config.HEALTH_PORT} (HEALTH_PORT)`,
    startupLimitsMs.health,
    startHealth(config, logger, {
      metrics,
      store,
      client,
      poller,
      replica: replica && replicaHealth(replica, client, store),
    }),
  );
  let stopping: Promise<void> | undefined;
  const stop = () =>
    stopBot({ ...services, logger, wallStepGuard, health, client, tracker, store });
  return {
    client,
    store,
    metrics,
    healthPort: health?.port,
    stop: () => (stopping ??= stop()),
  };
}

/** Store, metrics, the budgeted tracker client and the Discord client (not logged in yet). */
async function openParts(config: Config, logger: Logger, clock: Clock, replica?: ReplicaHooks) {
  const store = await within(
    "the database (DATABASE_URL) to open",
    startupLimitsMs.store,
    openBotStore(config, logger, clock),
  );
  const metrics = createMetrics();
  if (replica) registerReplicaMetrics(metrics.registry, replica);
  const { tracker, budget } = createBudgetedTracker(
    config,
    logger,
    metrics,
    clock,
    replica?.shareBudget,
  );
  const client = replica?.preconnected?.client ?? createDiscordClient(config, logger);
  return { store, metrics, tracker, budget, client };
}

/** Logs in, or (a hand-over's successor, connected already) answers what arrived meanwhile. */
async function connect(
  config: Config,
  client: Client,
  discordToken: string,
  replica?: ReplicaHooks,
): Promise<void> {
  if (replica?.preconnected) {
    replica.preconnected.replay();
    return;
  }
  await within(
    `Discord to accept the login and send READY (DISCORD_API_URL ${config.DISCORD_API_URL})`,
    startupLimitsMs.discord,
    loginDiscord(client, discordToken),
  );
}

/** Stops what startBot started, the poller first, the store last. */
async function stopBot(
  parts: Services & {
    logger: Logger;
    wallStepGuard: { stop(): void };
    health: { close(): Promise<void> } | undefined;
    client: Client;
    tracker: { close(): Promise<void> };
    store: Store;
  },
): Promise<void> {
  const { logger, poller, digests, votePanels, liveCards, roleSync, health } = parts;
  logger.info("shutting down");
  await poller.stop();
  await digests.stop();
  votePanels.stop();
  liveCards.stop();
  parts.wallStepGuard.stop();
  await Promise.race([roleSync.idle(), new Promise((r) => setTimeout(r, 10_000).unref())]);
  await health?.close();
  await parts.client.destroy();
  await parts.tracker.close();
  await parts.store.close();
  logger.info("stopped");
}

type Services = ReturnType<typeof wireServices>;

/**
 * Features, the poller, then the command context, complete and built once, and the interaction
 * router over it (none started).
 */
function wireServices(base: CoreParts, metrics: Metrics, replica?: ReplicaHooks) {
  const features = createFeatures(base, replica);
  const poller = createBotPoller(base, features, metrics, replica);
  const ctx: BotContext = {
    ...base,
    sessionCache: createSessionCache(60_000, () => base.clock.now()),
    postLocale: features.postLocale,
    roleSync: features.roleSync,
    votePanels: features.votePanels,
    liveCards: features.liveCards,
    leaderboard: features.leaderboard,
    backoffUntil: (subscription) => poller.backoffUntil(subscription),
    checkInterval: (subscription) => poller.checkInterval(subscription),
  };
  routeInteractions(base.client, createInteractionRouter(commands, ctx), base.logger, replica);
  const { roleSync, votePanels, liveCards, digests } = features;
  return { roleSync, votePanels, poller, liveCards, digests };
}

/** Role sync, the post locale, vote panels, live cards, leaderboards, end announcements, digests. */
function createFeatures(base: CoreParts, replica?: ReplicaHooks) {
  const { config, logger, store, tracker, client, wall, clock } = base;
  const discord = fencedDelivery(discordDelivery(client), replica);
  const roleSync = createRoleSync({
    store: store.roles,
    api: createDiscordRoleApi(client),
    logger,
    wall,
    notifyUser: discord.notifyUser,
  });
  // One language rule for commands and the poller: `/language set`, else `preferred_locale`; DMs: the member's last interaction.
  const postLocale = createPostLocale({
    locales: store.locales,
    guildPreferredLocale: (guildId) => client.guilds.cache.get(guildId)?.preferredLocale,
  });
  const votePanels = createVotePanels({
    store,
    tracker,
    rest: client.rest,
    postLocale,
    logger,
    wall,
    cooldownMinutes: config.VOTE_COOLDOWN_MINUTES,
  });
  const liveCards = createLiveCards({
    cards: store.cards,
    rest: client.rest,
    postLocale,
    logger,
    clock,
  });
  const leaderboard = createLeaderboard({ store, tracker, clock, logger });
  const endAnnouncer = createEndAnnouncer({ store, tracker, postLocale, logger, wall });
  // The weekly digests look at the wall clock once a minute (on the monotonic clock's timers).
  const digests = createDigests({ store, tracker, rest: client.rest, postLocale, clock, logger });
  return {
    discord,
    roleSync,
    postLocale,
    votePanels,
    liveCards,
    leaderboard,
    endAnnouncer,
    digests,
  };
}

/** Interactions go to the router once this instance holds them (always, without replicas). */
function routeInteractions(
  client: Client,
  router: { handle(interaction: Interaction): Promise<void> },
  logger: Logger,
  replica?: ReplicaHooks,
): void {
  const claimThenHandle = async (interaction: Interaction) => {
    // Unclaimed (another instance has it, or the database cannot say): never answer twice.
    const claimed = replica
      ? await replica.claimInteraction(interaction.id).catch((err: unknown) => {
          logger.warn({ err, interactionId: interaction.id }, "could not claim an interaction");
          return false;
        })
      : true;
    if (claimed) await router.handle(interaction);
  };
  client.on(Events.InteractionCreate, (interaction) => void claimThenHandle(interaction));
}

/** The poller, delivering through Discord (fenced by the lease with replicas). */
function createBotPoller(
  base: CoreParts,
  features: ReturnType<typeof createFeatures>,
  metrics: Metrics,
  replica?: ReplicaHooks,
) {
  const { config, logger, store, tracker, clock } = base;
  const { discord, roleSync, postLocale, liveCards, endAnnouncer } = features;
  const poller = createPoller({
    store: fencedPollerStore(store, replica),
    tracker,
    logger,
    clock,
    intervalMs: config.POLL_INTERVAL_SECONDS * 1000,
    concurrency: config.POLL_CONCURRENCY,
    budgetPerMinute: config.TRACKER_MAX_REQUESTS_PER_MINUTE,
    metrics,
    ...discord,
    // Role sync rides on the poller's active-session lookups (one per member per interval).
    extraActiveLookups: () => roleSync.activeLookups(),
    onActiveSessions: (userId, ids) => roleSync.onActiveSessions(userId, ids),
    postLocale,
    nonceWindowMs: config.DISCORD_NONCE_WINDOW_SECONDS * 1000,
    // Cards ride on the subscriptions' reads: no request of their own.
    onSourceRead: async (read) => {
      // Each listener on its own: a card's failure must not cost a release announcement.
      for (const listener of [liveCards, endAnnouncer])
        await listener
          .onSourceRead(read)
          .catch((err: unknown) => logger.error({ err }, "a read listener failed"));
    },
  });
  return poller;
}

/** What startBot builds before the services: the part of the command context every service shares. */
type CoreParts = Pick<
  BotContext,
  "config" | "logger" | "store" | "tracker" | "client" | "wall" | "clock"
>;

async function logReady(
  config: Config,
  store: Store,
  logger: Logger,
  applicationId: string | undefined,
): Promise<void> {
  logger.info(
    {
      pollIntervalSeconds: config.POLL_INTERVAL_SECONDS,
      trackerMaxRequestsPerMinute: config.TRACKER_MAX_REQUESTS_PER_MINUTE,
      subscriptions: (await store.subscriptions.list()).length,
      invite: applicationId ? inviteUrl(applicationId) : undefined,
      userInstall: applicationId ? userInstallUrl(applicationId) : undefined,
    },
    "ready: polling the tracker; invite the bot with the invite URL (members add it to their account with the userInstall URL)",
  );
}

/** Registers the slash commands (globally or in COMMAND_GUILD_ID); returns the application id. */
async function registerCommands(
  client: Client,
  config: Config,
  store: Store,
  logger: Logger,
): Promise<string | undefined> {
  const applicationId = client.application?.id ?? client.user?.id;
  if (!applicationId) return undefined;
  // Not fatal: the bot works with the commands registered earlier; the log says why not now.
  await within(
    "Discord to register the slash commands",
    startupLimitsMs.commands,
    syncCommands({
      rest: client.rest,
      target: { applicationId, guildId: config.COMMAND_GUILD_ID },
      definitions: commandDefinitions,
      meta: store.meta,
      logger,
    }),
  ).catch((err) =>
    logger.error({ err, guildId: config.COMMAND_GUILD_ID }, "could not register slash commands"),
  );
  return applicationId;
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
