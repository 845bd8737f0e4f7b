/**
 * The bot started the way the README says (`npm start`, which builds when
 * needed), its health and metrics endpoints, and a clean SIGTERM.
 */
import { writeFile } from "node:fs/promises";
import { createServer, type Socket } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useChildFakes } from "./child.js";
import { botEnv, memberBasics } from "./harness.js";

const fakes = useChildFakes();

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const address = server.address();
  await new Promise((r) => server.close(r));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/** Prometheus text format: `name{labels} value` lines; returns name{labels} -> value. */
function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) throw new Error(`not Prometheus text: ${line}`);
    values.set(match[1], Number(match[2]));
  }
  return values;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("npm start", () => {
  it("builds, starts, reports health and metrics, and exits 0 on SIGTERM within 10 s", async () => {
    const { discord, tracker, dir } = fakes;
    const guildId = discord.addGuild({ name: "Start server", everyonePermissions: memberBasics });
    const channelId = discord.addChannel(guildId, { name: "log" });
    const userId = discord.addMember(guildId, { username: "lucy" });
    const token = "tok_start_99aa88bb77cc66dd55ee44ff33";
    tracker.addToken(token, { nick: "lucy" });
    const session = tracker.addSession(token, { active: true });
    const port = await freePort();
    const child = fakes.spawn(
      botEnv(discord, tracker, path.join(dir, "bot.sqlite"), {
        HEALTH_PORT: String(port),
        HEALTH_HOST: "127.0.0.1",
      }),
      ["start", "--silent"],
      "npm",
    );
    const base = `http://127.0.0.1:${port}`;
    await waitFor(
      async () => (await fetch(`${base}/healthz`)).status === 200,
      90_000,
      "/healthz 200",
    );
    const health = await (await fetch(`${base}/healthz`)).json();
    expect(health).toMatchObject({ status: "ok", gateway: "ready", store: "ok" });

    const before = parseMetrics(await (await fetch(`${base}/metrics`)).text());
    expect(before.get("items_delivered_total")).toBe(0);

    discord.interact.chatInput({ userId, guildId, channelId, name: "link" });
    await discord.interact
      .modalSubmit({ userId, guildId, channelId, customId: "link:modal", fields: { token } })
      .waitFor("edit", 10_000);
    await discord.interact
      .chatInput({ userId, guildId, channelId, name: "subscribe", options: { session } })
      .waitFor("edit", 10_000);
    tracker.addHistory(session, [
      {
        unit: 600,
        source: "DICE",
        happened: new Date(),
        schedule: new Date(Date.now() + 86_400_000),
      },
    ]);
    await discord.waitFor(
      () => discord.messages(channelId).some((m) => !m.webhook_id),
      10_000,
      "a post",
    );

    await waitFor(
      async () =>
        parseMetrics(await (await fetch(`${base}/metrics`)).text()).get("items_delivered_total") ===
        1,
      5000,
      "items_delivered_total to move",
    );
    const after = parseMetrics(await (await fetch(`${base}/metrics`)).text());
    expect(after.get("poll_cycles_total")).toBeGreaterThan(before.get("poll_cycles_total") ?? 0);
    expect(after.get('tracker_requests_total{endpoint="histories",outcome="ok"}')).toBeGreaterThan(
      0,
    );
    expect(after.get('subscriptions{status="active"}')).toBe(1);

    // SIGTERM to the bot itself, as `docker stop` or systemd would send it; npm passes on its exit code.
    const stopAt = Date.now();
    const pid = child.botPid();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, "SIGTERM");
    const exit = await child.exited;
    expect(exit.code).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(10_000);
    expect(child.output()).toContain('"msg":"stopped"');
    expect(child.output()).not.toContain(token);
  }, 120_000);
});

describe("npm start under a supervisor that signals only npm", () => {
  it("the bot notices its parent went away and stops cleanly: no orphan", async () => {
    const { discord, tracker, dir } = fakes;
    const child = fakes.spawn(
      botEnv(discord, tracker, path.join(dir, "orphan.sqlite")),
      ["start", "--silent"],
      "npm",
    );
    await waitFor(async () => child.output().includes('"msg":"ready'), 90_000, "the bot ready");
    const pid = child.botPid();
    expect(pid).toBeGreaterThan(0);
    expect(pid).not.toBe(child.process.pid);

    child.process.kill("SIGTERM");
    await child.exited;
    try {
      await waitFor(async () => !isAlive(pid!), 15_000, `bot pid ${pid} to exit after npm did`);
    } finally {
      // Without the watch the orphan would outlive the test run.
      if (isAlive(pid!)) process.kill(pid!, "SIGKILL");
    }
    expect(child.output()).toMatch(/"reason":"parent process \d+ went away/);
    expect(child.output()).toContain('"msg":"stopped"');
  }, 120_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("start-up with a bad environment", () => {
  it.each([
    [{}, [/DISCORD_TOKEN is not set/, /README/]],
    [
      {
        DISCORD_TOKEN: "x",
        POLL_INTERVAL_SECONDS: "soon",
        TRACKER_API_URL: "http://tracker.example.org",
        TOKEN_ENCRYPTION_KEY: "short",
      },
      [
        /POLL_INTERVAL_SECONDS must be a whole number/,
        /TRACKER_API_URL uses plain http/,
        /TOKEN_ENCRYPTION_KEY must be 32 bytes/,
      ],
    ],
  ])("exits 1 naming every problem, no stack trace (%o)", async (env, patterns) => {
    const child = fakes.spawn({
      ...env,
      DATABASE_URL: `sqlite://${path.join(fakes.dir, "never.sqlite")}`,
    });
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    for (const pattern of patterns) expect(child.output()).toMatch(pattern);
    expect(child.output()).not.toMatch(/\n\s+at /);
  });

  it("fails fast on a data folder that cannot exist, listed with the other problems", async () => {
    const child = fakes.spawn({
      DISCORD_TOKEN: "x",
      DATABASE_URL: "sqlite:///proc/nonexistent-dir/that/x.sqlite",
      LOG_LEVEL: "loud",
    });
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    expect(child.output()).toMatch(/LOG_LEVEL must be one of/);
    expect(child.output()).toMatch(
      /DATABASE_URL: the data folder \/proc\/nonexistent-dir\/that cannot be used/,
    );
    expect(child.output()).not.toContain("token-encryption.key");
  });

  it("answers SIGTERM while start-up still waits for Discord", async () => {
    // Accepts connections and never answers: the login step waits.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as { port: number };
    try {
      const child = fakes.spawn({
        DISCORD_TOKEN: "x",
        DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
        DATABASE_URL: `sqlite://${path.join(fakes.dir, "waiting.sqlite")}`,
      });
      await waitFor(async () => sockets.length > 0, 30_000, "the bot to call the silent Discord");
      child.process.kill("SIGTERM");
      const exit = await child.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(child.output()).toContain('"msg":"stop requested during start-up; exiting"');
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("reads .env (ENV_FILE), with the real environment taking precedence", async () => {
    const { dir } = fakes;
    const file = path.join(dir, "test.env");
    await writeFile(file, "DISCORD_TOKEN=from-file\nPOLL_CONCURRENCY=lots\nLOG_LEVEL=loud\n");
    const child = fakes.spawn({
      ENV_FILE: file,
      LOG_LEVEL: "info",
      DATABASE_URL: `sqlite://${path.join(dir, "env.sqlite")}`,
    });
    expect((await child.exited).code).toBe(1);
    expect(child.output()).toMatch(/POLL_CONCURRENCY must be a whole number/);
    expect(child.output()).not.toMatch(/DISCORD_TOKEN is not set/);
    expect(child.output()).not.toMatch(/LOG_LEVEL/);
  });

  it("exits 1 in words when Discord rejects the token", async () => {
    const child = fakes.spawn(
      botEnv(fakes.discord, fakes.tracker, path.join(fakes.dir, "rejected.sqlite"), {
        DISCORD_TOKEN: "not-the-bot-token",
      }),
    );
    const exit = await child.exited;
    expect(exit.code).toBe(1);
    expect(child.output()).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(child.output()).not.toMatch(/\n\s+at /);
  });
});

describe("npm run deploy-commands", () => {
  it("registers the command definitions by hand, in one server when COMMAND_GUILD_ID is set", async () => {
    const { discord, tracker, dir } = fakes;
    const before = discord.commands.puts;
    const guildId = discord.addGuild({ name: "Deploy server" });
    const env = botEnv(discord, tracker, path.join(dir, "deploy.sqlite"), {
      COMMAND_GUILD_ID: guildId,
    });
    const child = fakes.spawn(env, ["--import", "tsx", "src/deployCommands.ts"]);
    const exit = await child.exited;
    expect(exit.code, child.output()).toBe(0);
    expect(discord.commands.puts).toBe(before + 1);
    const names = discord.commands.guild(guildId).map((c) => c.name);
    expect(names.sort()).toEqual([
      "card",
      "chart",
      "digest",
      "dom",
      "histories",
      "language",
      "leaderboard",
      "link",
      "play",
      "privacy",
      "roles",
      "rolesync",
      "stats",
      "subscribe",
      "subscriptions",
      "unlink",
      "unsubscribe",
      "votes",
    ]);
    // The deploy script sends the same localised bodies as the bot.
    for (const command of discord.commands.guild(guildId))
      expect(command.description_localizations?.de, command.name).toBeTruthy();
  });
});
