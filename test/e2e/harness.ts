/**
 * The whole bot, started the way main.ts starts it, against the loopback fake
 * tracker and fake Discord, on a real SQLite file in a temp folder.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { PermissionFlagsBits } from "discord.js";
import { expect } from "vitest";
import { type Bot, startBot } from "../../src/bot.js";
import type { Clock } from "../../src/util/clock.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { type FakeTracker, type FakeTrackerOptions, startFakeTracker } from "../fakes/tracker.js";

export const encryptionKey = "5e".repeat(32);

/** What @everyone may do on a typical server: see, write, embed, use commands. */
export const memberBasics =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/**
 * The environment that points a bot at the fakes, with a database file and a 1 s poll. The
 * request budget is generous here (a 1 s poll of a crowd); test/e2e/budget.test.ts sets its own.
 */
export function botEnv(
  discord: FakeDiscord,
  tracker: FakeTracker,
  databaseFile: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DISCORD_TOKEN: discord.botToken,
    DISCORD_API_URL: discord.apiUrl,
    TRACKER_API_URL: tracker.url,
    DATABASE_URL: `sqlite://${databaseFile}`,
    TOKEN_ENCRYPTION_KEY: encryptionKey,
    POLL_INTERVAL_SECONDS: "1",
    TRACKER_MAX_REQUESTS_PER_MINUTE: "6000",
    ...extra,
  };
}

export interface Harness {
  discord: FakeDiscord;
  tracker: FakeTracker;
  bot: Bot;
  dir: string;
  guildId: string;
  channelId: string;
  /** Members of the guild, created on demand. */
  member(name: string): string;
  /** Every log line the bot wrote, as text (JSON lines). */
  logs(): string;
  /** Stops the bot and starts a new one on the same database and fakes (`between` runs in between). */
  restart(between?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  interactionDeadlineMs?: number;
  rateLimit?: { limit?: number; windowMs?: number } | false;
  /** Member role changes per guild per window in the fake Discord. */
  roleRateLimit?: { limit?: number; windowMs?: number } | false;
  /** How long the fake Discord remembers a message nonce (default 5 min). */
  nonceWindowMs?: number;
  /** The fake Discord recommends this many shards (default 1). */
  shards?: number;
  /** The scheduler's clock (and the fake tracker's, unless `tracker` says otherwise). */
  clock?: Clock;
  tracker?: FakeTrackerOptions;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tracker = await startFakeTracker({
    ...(options.clock && { clock: options.clock }),
    ...options.tracker,
  });
  const discord = await startFakeDiscord({
    interactionDeadlineMs: options.interactionDeadlineMs ?? 3000,
    ...(options.rateLimit !== undefined && { rateLimit: options.rateLimit }),
    ...(options.roleRateLimit !== undefined && { roleRateLimit: options.roleRateLimit }),
    ...(options.nonceWindowMs !== undefined && { nonceWindowMs: options.nonceWindowMs }),
    ...(options.shards !== undefined && { shards: options.shards }),
  });
  const guildId = discord.addGuild({ name: "Test server", everyonePermissions: memberBasics });
  const channelId = discord.addChannel(guildId, { name: "lock-log" });
  const members = new Map<string, string>();
  const dir = await mkdtemp(path.join(tmpdir(), "ct-bot-e2e-"));
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig(
    botEnv(discord, tracker, path.join(dir, "bot.sqlite"), {
      TRACKER_TIMEOUT_SECONDS: "2",
      LOG_LEVEL: "debug",
      ...options.env,
    }),
    { requireDiscordToken: true },
  );
  const logger = createLogger({ level: config.LOG_LEVEL, destination });
  const harness: Harness = {
    discord,
    tracker,
    bot: await startBot(config, logger, undefined, options.clock),
    dir,
    guildId,
    channelId,
    member(name) {
      let id = members.get(name);
      if (!id) {
        id = discord.addMember(guildId, { username: name });
        members.set(name, id);
      }
      return id;
    },
    logs: () => lines.join(""),
    async restart(between) {
      await harness.bot.stop();
      await between?.();
      harness.bot = await startBot(config, logger, undefined, options.clock);
    },
    async close() {
      await harness.bot.stop();
      await Promise.all([discord.close(), tracker.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Links a member through the real /link modal flow; returns the interaction handle of the submit. */
export async function linkMember(h: Harness, userId: string, token: string) {
  const open = h.discord.interact.chatInput({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    name: "link",
  });
  await open.waitFor("ack");
  const submit = h.discord.interact.modalSubmit({
    userId,
    guildId: h.guildId,
    channelId: h.channelId,
    customId: "link:modal",
    fields: { token },
  });
  await submit.waitFor("edit");
  return submit;
}

/** Subscribes the harness channel to `session` through the real /subscribe; expects it to succeed. */
export async function subscribeSession(
  h: Harness,
  userId: string,
  session: number,
  timeoutMs = 5000,
) {
  const handle = await h.discord.interact
    .chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "subscribe",
      options: { session },
    })
    .waitFor("edit", timeoutMs);
  expect(handle.original?.content).toMatch(/Subscribed/);
  return handle;
}
