/**
 * The naive stand-in of the light bench, run as its own process: discord.js with the Guilds
 * intent and default caches, keyv with SQLite, undici. Every interval it reads every session's
 * whole first page (no `from`), compares the newest item with the one it stored and posts when
 * it differs. No budget, no schedule, no encryption: what a weekend bot does.
 * Env: DISCORD_TOKEN, DISCORD_API_URL, TRACKER_API_URL, NAIVE_DB (sqlite path),
 * NAIVE_SUBS (JSON file of {token, session, channelId}), POLL_INTERVAL_SECONDS, NAIVE_SPREAD.
 */
import { readFileSync } from "node:fs";
import KeyvSqlite from "@keyv/sqlite";
import { Client, Events, GatewayIntentBits, Routes } from "discord.js";
import Keyv from "keyv";
import { request } from "undici";

interface Sub {
  token: string;
  session: number;
  channelId: string;
}

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const subs = JSON.parse(readFileSync(env("NAIVE_SUBS"), "utf8")) as Sub[];
const trackerUrl = env("TRACKER_API_URL");
const intervalMs = Number(process.env.POLL_INTERVAL_SECONDS ?? "60") * 1000;
const keyv = new Keyv({ store: new KeyvSqlite(`sqlite://${env("NAIVE_DB")}`) });
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: env("DISCORD_API_URL") },
});

async function pollOne(sub: Sub): Promise<void> {
  const res = await request(`${trackerUrl}/api/v2/histories.php?session=${sub.session}`, {
    headers: { authorization: `Bearer ${sub.token}` },
  });
  const body = (await res.body.json()) as { data?: { items?: { happened: string }[] } };
  const newest = body.data?.items?.at(-1)?.happened ?? "";
  const key = `seen:${sub.session}`;
  const seen = await keyv.get<string>(key);
  if (seen === newest) return;
  await keyv.set(key, newest);
  if (seen !== undefined) {
    await client.rest.post(Routes.channelMessages(sub.channelId), {
      body: { content: `Session ${sub.session}: new change at ${newest}` },
    });
  }
}

async function pollAll(): Promise<void> {
  await Promise.all(subs.map((sub) => pollOne(sub).catch(() => undefined)));
}

/** NAIVE_SPREAD=1: each session on its own timer, spread over the interval (paced like the bot). */
function pollSpread(): void {
  for (const [i, sub] of subs.entries()) {
    setTimeout(
      () => {
        void pollOne(sub).catch(() => undefined);
        setInterval(() => void pollOne(sub).catch(() => undefined), intervalMs);
      },
      (i * intervalMs) / subs.length,
    );
  }
}

client.once(Events.ClientReady, () => {
  process.stdout.write(`${JSON.stringify({ msg: "naive ready", pid: process.pid })}\n`);
  if (process.env.NAIVE_SPREAD === "1") return pollSpread();
  void pollAll();
  setInterval(() => void pollAll(), intervalMs);
});
await client.login(env("DISCORD_TOKEN"));

// A clean exit on SIGTERM, so `--cpu-prof` writes its profile like the bot's.
process.on("SIGTERM", () => {
  void client.destroy().finally(() => process.exit(0));
});
