import { type Client, REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { readyClient } from "./harness.js";
import { type FakeDiscord, startFakeDiscord } from "./index.js";

let fake: FakeDiscord | undefined;
let client: Client<true> | undefined;

afterEach(async () => {
  await client?.destroy();
  await fake?.close();
  client = undefined;
  fake = undefined;
});

async function setup(rateLimit?: { limit: number; windowMs: number }) {
  fake = await startFakeDiscord(rateLimit ? { rateLimit } : {});
  const guildId = fake.addGuild();
  const channelId = fake.addChannel(guildId);
  client = await readyClient(fake);
  return { fake, client, channelId };
}

describe("per-channel message rate limit", () => {
  it("lets discord.js queue 7 sends behind the headers: all land, no 429, >= one window", async () => {
    const { fake, client, channelId } = await setup();
    const channel = client.channels.cache.get(channelId);
    if (!channel?.isSendable()) throw new Error("not sendable");
    const started = Date.now();
    await Promise.all(Array.from({ length: 7 }, (_, i) => channel.send(`update ${i}`)));
    const elapsed = Date.now() - started;
    expect(
      fake
        .messages(channelId)
        .map((m) => m.content)
        .sort(),
    ).toEqual(Array.from({ length: 7 }, (_, i) => `update ${i}`).sort());
    expect(fake.rateLimitHits).toBe(0);
    expect(elapsed).toBeGreaterThanOrEqual(4900);
  }, 15_000);

  it("answers a burst past the limit with 429, retry_after and the headers", async () => {
    const { fake, channelId } = await setup({ limit: 2, windowMs: 1000 });
    const post = () =>
      fetch(`${fake.apiUrl}/v10/channels/${channelId}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${fake.botToken}`, "content-type": "application/json" },
        body: JSON.stringify({ content: "burst" }),
      });
    const answers = [await post(), await post(), await post()];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(answers[1]?.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(answers[0]?.headers.get("x-ratelimit-limit")).toBe("2");
    expect(Number(answers[0]?.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(0);
    expect(answers[0]?.headers.get("x-ratelimit-bucket")).toBeTruthy();
    expect(answers[0]?.headers.get("x-ratelimit-reset")).toMatch(/^\d+\.\d{3}$/);
    const limited = answers[2]!;
    expect(limited.headers.get("retry-after")).toBe("1");
    const body = (await limited.json()) as {
      message: string;
      retry_after: number;
      global: boolean;
    };
    expect(body.message).toBe("You are being rate limited.");
    expect(body.global).toBe(false);
    expect(body.retry_after).toBeGreaterThan(0);
    expect(body.retry_after).toBeLessThanOrEqual(1);
    expect(fake.rateLimitHits).toBe(1);
    expect(fake.messages(channelId)).toHaveLength(2);
  });

  it("makes a second, unaware REST client retry its 429s until every message lands", async () => {
    const { fake, client, channelId } = await setup({ limit: 2, windowMs: 1000 });
    const other = new REST({ api: fake.apiUrl }).setToken(fake.botToken);
    const route = Routes.channelMessages(channelId);
    await Promise.all([
      ...[1, 2, 3].map((i) => client.rest.post(route, { body: { content: `a${i}` } })),
      ...[1, 2, 3].map((i) => other.post(route, { body: { content: `b${i}` } })),
    ]);
    expect(fake.messages(channelId)).toHaveLength(6);
    expect(fake.rateLimitHits).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.status === 429)).toHaveLength(fake.rateLimitHits);
  }, 15_000);
});
