import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const key = "ab".repeat(32);

function problemsOf(env: Record<string, string | undefined>, requireDiscordToken = false) {
  try {
    loadConfig(env, { requireDiscordToken });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DISCORD_API_URL: "https://discord.com/api",
      TRACKER_API_URL: "https://www.chastitytracker.org",
      DATABASE_URL: "sqlite://data/bot.sqlite",
      POLL_INTERVAL_SECONDS: 60,
      POLL_CONCURRENCY: 4,
      LOG_LEVEL: "info",
      LOG_PRETTY: false,
      MAX_SUBSCRIPTIONS_PER_USER: 10,
      MAX_SUBSCRIPTIONS_PER_GUILD: 50,
      TRACKER_TIMEOUT_SECONDS: 10,
      TRACKER_MAX_REQUESTS_PER_MINUTE: 100,
    });
    expect(config.HEALTH_PORT).toBeUndefined();
    expect(config.COMMAND_GUILD_ID).toBeUndefined();
    expect(config.TOKEN_ENCRYPTION_KEY).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const config = loadConfig({ POLL_INTERVAL_SECONDS: "", HEALTH_PORT: " ", LOG_LEVEL: "" });
    expect(config.POLL_INTERVAL_SECONDS).toBe(60);
    expect(config.HEALTH_PORT).toBeUndefined();
    expect(config.LOG_LEVEL).toBe("info");
  });

  it("reads valid values", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "abc",
      POLL_INTERVAL_SECONDS: "5",
      POLL_CONCURRENCY: "2",
      HEALTH_PORT: "8080",
      LOG_LEVEL: "DEBUG",
      LOG_PRETTY: "true",
      TOKEN_ENCRYPTION_KEY: key,
      TRACKER_API_URL: "http://127.0.0.1:1234/",
      COMMAND_GUILD_ID: "123456789012345678",
    });
    expect(config).toMatchObject({
      DISCORD_TOKEN: "abc",
      POLL_INTERVAL_SECONDS: 5,
      POLL_CONCURRENCY: 2,
      HEALTH_PORT: 8080,
      LOG_LEVEL: "debug",
      LOG_PRETTY: true,
      TRACKER_API_URL: "http://127.0.0.1:1234",
    });
  });

  it("reads the tracker request budget and rejects a nonsensical one", () => {
    expect(
      loadConfig({ TRACKER_MAX_REQUESTS_PER_MINUTE: "30" }).TRACKER_MAX_REQUESTS_PER_MINUTE,
    ).toBe(30);
    expect(() => loadConfig({ TRACKER_MAX_REQUESTS_PER_MINUTE: "0" })).toThrow(
      /TRACKER_MAX_REQUESTS_PER_MINUTE must be at least 1/,
    );
  });

  it("accepts a base64 key", () => {
    const b64 = Buffer.alloc(32, 7).toString("base64");
    expect(loadConfig({ TOKEN_ENCRYPTION_KEY: b64 }).TOKEN_ENCRYPTION_KEY).toBe(b64);
  });

  it("lists every problem at once, in plain words", () => {
    const problems = problemsOf(
      {
        POLL_INTERVAL_SECONDS: "0",
        POLL_CONCURRENCY: "many",
        TOKEN_ENCRYPTION_KEY: "short",
        LOG_LEVEL: "loud",
        HEALTH_PORT: "70000",
        COMMAND_GUILD_ID: "my-server",
        TRACKER_API_URL: "not a url",
      },
      true,
    );
    expect(problems).toHaveLength(8);
    expect(problems.join("\n")).toMatch(/DISCORD_TOKEN is not set/);
    expect(problems.join("\n")).toMatch(/POLL_INTERVAL_SECONDS must be at least 1/);
    expect(problems.join("\n")).toMatch(/POLL_CONCURRENCY must be a whole number/);
    expect(problems.join("\n")).toMatch(/TOKEN_ENCRYPTION_KEY must be 32 bytes/);
    expect(problems.join("\n")).toMatch(/LOG_LEVEL must be one of/);
    expect(problems.join("\n")).toMatch(/HEALTH_PORT must be at most 65535/);
    expect(problems.join("\n")).toMatch(/COMMAND_GUILD_ID must be a server id/);
    expect(problems.join("\n")).toMatch(/TRACKER_API_URL is not a URL/);
  });

  it("refuses plain http to a non-loopback tracker but allows loopback", () => {
    expect(problemsOf({ TRACKER_API_URL: "http://www.chastitytracker.org" })[0]).toMatch(
      /tokens must not travel in clear/,
    );
    for (const host of ["127.0.0.1:8080", "localhost", "[::1]:9000"]) {
      expect(problemsOf({ TRACKER_API_URL: `http://${host}` })).toEqual([]);
    }
    expect(problemsOf({ TRACKER_API_URL: "ftp://example.org" })[0]).toMatch(/https/);
  });

  it("requires DISCORD_TOKEN only when running the bot", () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({}, true)).toEqual([
      expect.stringMatching(/DISCORD_TOKEN is not set.*README/),
    ]);
  });

  it("never echoes the encryption key in a problem", () => {
    const secret = "zz".repeat(32);
    const problems = problemsOf({ TOKEN_ENCRYPTION_KEY: secret });
    expect(problems.join()).not.toContain(secret);
  });
});
