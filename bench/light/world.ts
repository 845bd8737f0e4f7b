/**
 * The world both bots of the light bench run in: the loopback fake tracker and fake Discord,
 * `members` linked members each following one session with a short history, spread over
 * `guilds` servers (one channel each, one GUILD_CREATE each at login), and the databases
 * seeded directly (the bot's store through its own openStore, the naive poller's keyv file).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import { PermissionFlagsBits } from "discord.js";
import Keyv from "keyv";
import { silentLogger } from "../../src/log.js";
import { createTokenCipher, parseEncryptionKey } from "../../src/store/crypto.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Subscription } from "../../src/store/types.js";
import { type FakeDiscord, startFakeDiscord } from "../../test/fakes/discord/index.js";
import { type FakeTracker, startFakeTracker } from "../../test/fakes/tracker.js";

export const encryptionKey = "5e".repeat(32);

/** @everyone may see and write (test/e2e/harness.ts's memberBasics, without importing vitest). */
const everyone =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.UseApplicationCommands;

export interface WorldOptions {
  members: number;
  guilds: number;
  /** History items per session: what a read without `from` answers every time. */
  itemsPerSession: number;
  /** The bot's database; default a SQLite file in the world's temp folder. */
  databaseUrl?: string | undefined;
}

export interface NaiveSub {
  token: string;
  session: number;
  channelId: string;
}

export interface World {
  discord: FakeDiscord;
  tracker: FakeTracker;
  dir: string;
  databaseUrl: string;
  subs: NaiveSub[];
  /** Milliseconds openStore took on the seeded database (the bot opens the same one). */
  storeOpenMs: number;
  close(): Promise<void>;
}

export async function startWorld(options: WorldOptions): Promise<World> {
  const tracker = await startFakeTracker();
  // No interaction deadline or rate limit matters while idle; the spec check stays on.
  const discord = await startFakeDiscord({ rateLimit: false });
  const dir = await mkdtemp(path.join(tmpdir(), "ct-bot-light-"));
  const databaseUrl = options.databaseUrl ?? `sqlite://${path.join(dir, "bot.sqlite")}`;
  const channels: { guildId: string; channelId: string }[] = [];
  for (let g = 0; g < options.guilds; g++) {
    const guildId = discord.addGuild({ name: `Server ${g}`, everyonePermissions: everyone });
    channels.push({ guildId, channelId: discord.addChannel(guildId, { name: "lock-log" }) });
  }
  const subs: NaiveSub[] = [];
  const base = Date.UTC(2026, 10, 1);
  for (let m = 0; m < options.members; m++) {
    const token = `tok_light_${m}_00112233445566778899aabb`;
    tracker.addToken(token, { nick: `member${m}` });
    const session = tracker.addSession(token, { active: true });
    tracker.addHistory(
      session,
      Array.from({ length: options.itemsPerSession }, (_, i) => ({
        unit: 30 + i,
        source: "DICE" as const,
        happened: new Date(base + m * 1000 + i * 60_000),
      })),
    );
    const at = channels[m % channels.length]!;
    subs.push({ token, session, channelId: at.channelId });
  }
  const storeOpenMs = await seedBotStore(databaseUrl, subs, channels);
  return {
    discord,
    tracker,
    dir,
    databaseUrl,
    subs,
    storeOpenMs,
    async close() {
      await Promise.all([discord.close(), tracker.close()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const cipher = createTokenCipher({ current: parseEncryptionKey(encryptionKey) });

/** Accounts and subscriptions as /link and /subscribe would leave them, already caught up. */
async function seedBotStore(
  databaseUrl: string,
  subs: NaiveSub[],
  channels: { guildId: string; channelId: string }[],
): Promise<number> {
  const open = () => openStore({ databaseUrl, cipher, logger: silentLogger() });
  const records = subs.map((sub, m) => seedRecords(sub, m, channels));
  if (databaseUrl.startsWith("sqlite://")) await seedSqlite(databaseUrl, records);
  else {
    // Any other store through its own API: one write after another (slow at 10,000).
    const store = await open();
    for (const { account, subscription } of records) {
      await store.accounts.set(account);
      await store.subscriptions.put(subscription);
    }
    await store.close();
  }
  // The time the bot's start-up spends on it: an open of the filled database.
  const started = performance.now();
  const again = await open();
  const ms = performance.now() - started;
  await again.close();
  return ms;
}

/**
 * SQLite: the rows the store writes (same keyv namespaces, the token sealed with the same
 * cipher), in one transaction: 20,000 writes one by one take minutes (a sync each).
 */
async function seedSqlite(databaseUrl: string, records: SeedRecord[]): Promise<void> {
  const first = await openStore({ databaseUrl, cipher, logger: silentLogger() });
  await first.close(); // creates the table as the bot would
  const adapter = new KeyvSqlite({ uri: databaseUrl, busyTimeout: 5_000 });
  const accounts = new Keyv(adapter, { namespace: "accounts", throwOnErrors: true });
  const subscriptions = new Keyv(adapter, { namespace: "subscriptions", throwOnErrors: true });
  await adapter.query("BEGIN");
  for (const { account, subscription } of records) {
    await accounts.set(account.userId, {
      userId: account.userId,
      nick: account.nick,
      linkedAt: account.linkedAt,
      token: cipher.encrypt(account.token),
    });
    await subscriptions.set(subscription.id, subscription);
  }
  await adapter.query("COMMIT");
  await adapter.disconnect();
}

interface SeedRecord {
  account: { userId: string; token: string; nick: string; linkedAt: string };
  subscription: Subscription;
}

function seedRecords(
  sub: NaiveSub,
  m: number,
  channels: { guildId: string; channelId: string }[],
): SeedRecord {
  const now = new Date().toISOString();
  const userId = `${500000000000000000n + BigInt(m)}`;
  return {
    account: { userId, token: sub.token, nick: `member${m}`, linkedAt: now },
    subscription: {
      id: `light${m}`,
      guildId: channels[m % channels.length]!.guildId,
      channelId: sub.channelId,
      userId,
      session: sub.session,
      filters: {},
      createdAt: now,
      status: "active",
      pausedReason: null,
      pausedAt: null,
      currentSession: sub.session,
      watermark: now,
      seenAtWatermark: [],
      lastPostAt: null,
    },
  };
}
