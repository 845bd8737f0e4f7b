/**
 * The try-out world: the fake tracker and fake Discord with one server, channel, member,
 * tracker token and session, and the real bot started against them (in this process,
 * its logs in a file), on a fresh SQLite file.
 */
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { type Bot, startBot } from "../../../src/bot.js";
import { loadConfig } from "../../../src/config.js";
import { createLogger } from "../../../src/log.js";
import { botEnv, memberBasics } from "../../e2e/harness.js";
import { type FakeDiscord, startFakeDiscord } from "../discord/index.js";
import { type FakeTracker, startFakeTracker } from "../tracker.js";

export interface World {
  discord: FakeDiscord;
  tracker: FakeTracker;
  bot: Bot;
  guildId: string;
  channelId: string;
  userId: string;
  trackerToken: string;
  sessionId: number;
  /** Names by id (member, bot, channels, roles) and ids by name (channels, roles). */
  names: Map<string, string>;
  ids: Map<string, string>;
  /** The server's text channels: id -> name. */
  channels: Map<string, string>;
  dir: string;
  logFile: string;
  close(): Promise<void>;
}

export async function startWorld(dir: string, pollSeconds = 2): Promise<World> {
  mkdirSync(dir, { recursive: true });
  const databaseFile = path.join(dir, "bot.sqlite");
  // Fresh every run: the fakes hand out new ids, old subscriptions would point nowhere.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databaseFile}${suffix}`, { force: true });
  const tracker = await startFakeTracker();
  const discord = await startFakeDiscord();
  const names = new Map<string, string>();
  const ids = new Map<string, string>();
  const name = (id: string, label: string) => {
    names.set(id, label);
    ids.set(label.toLowerCase(), id);
    return id;
  };
  const guildId = discord.addGuild({ name: "Try-out server", everyonePermissions: memberBasics });
  const channels = new Map<string, string>();
  for (const channel of ["lock-log", "general"]) {
    channels.set(name(discord.addChannel(guildId, { name: channel }), channel), channel);
  }
  const channelId = ids.get("lock-log")!;
  for (const role of ["Locked", "Unlocked", "Linked"]) {
    name(discord.addRole(guildId, { name: role, position: 1 }), role);
  }
  // lucy may run the admin commands (/roles, /language set); the bot may manage the roles.
  const admin = discord.addRole(guildId, {
    name: "Admin",
    permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageRoles,
    position: 2,
  });
  discord.setBotPermissions(guildId, memberBasics | PermissionFlagsBits.ManageRoles);
  discord.setRolePosition(discord.botRoleId(guildId), 5);
  const userId = name(discord.addMember(guildId, { username: "lucy", roles: [admin] }), "lucy");
  names.set(discord.botUserId, "Tracker Bot");
  const trackerToken = "tok_try_out_0123456789abcdef";
  tracker.addToken(trackerToken, { nick: "lucy" });
  const sessionId = tracker.addSession(trackerToken, { active: true });
  const hour = 3_600_000;
  tracker.addHistory(sessionId, [
    { type: "START", happened: new Date(Date.now() - 48 * hour) },
    { unit: 86_400, source: "DICE", happened: new Date(Date.now() - 30 * hour) },
    { unit: 7_200, source: "PENALTY", dom: true, happened: new Date(Date.now() - 5 * hour) },
    { type: "SUB", unit: 1_800, source: "LUCK", happened: new Date(Date.now() - hour) },
  ]);

  const logFile = path.join(dir, "bot.log");
  const destination = createWriteStream(logFile, { flags: "w" });
  const config = loadConfig(
    botEnv(discord, tracker, databaseFile, {
      POLL_INTERVAL_SECONDS: String(pollSeconds),
      LOG_LEVEL: "debug",
    }),
    { requireDiscordToken: true },
  );
  const bot = await startBot(config, createLogger({ level: config.LOG_LEVEL, destination }));
  return {
    discord,
    tracker,
    bot,
    guildId,
    channelId,
    userId,
    trackerToken,
    sessionId,
    names,
    ids,
    channels,
    dir,
    logFile,
    async close() {
      await bot.stop();
      await Promise.all([discord.close(), tracker.close()]);
      await new Promise((resolve) => destination.end(resolve));
    },
  };
}
