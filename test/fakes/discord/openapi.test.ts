import { type Client, DiscordAPIError, Routes } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readyClient } from "./harness.js";
import { ApiError } from "./http.js";
import { type FakeDiscord, startFakeDiscord } from "./index.js";
import { validateAgainstSpec } from "./openapi.js";

function refusal(run: () => void): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected the body to be refused");
}

describe("validateAgainstSpec", () => {
  it("refuses a message body that breaks MessageCreateRequest, with Discord's error tree", () => {
    const error = refusal(() =>
      validateAgainstSpec("POST", "/channels/1/messages", { content: 5, embeds: [{ title: 7 }] }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe(50035);
    expect(JSON.stringify(error.errors)).toMatch(/"(content|embeds)":\{/);
  });

  it("accepts a valid message body and names a missing required field", () => {
    expect(() =>
      validateAgainstSpec("POST", "/channels/1/messages", { content: "hi", nonce: "abc" }),
    ).not.toThrow();
    const error = refusal(() =>
      validateAgainstSpec("POST", "/interactions/1/tok/callback", { data: { content: "x" } }),
    );
    expect(error.code).toBe(50035);
  });

  it("accepts permission bit sets as digit strings, as Discord does, but not other strings", () => {
    const command = { name: "x", description: "y", type: 1, default_member_permissions: "32" };
    expect(() => validateAgainstSpec("PUT", "/applications/1/commands", [command])).not.toThrow();
    const bad = { ...command, default_member_permissions: "manage" };
    expect(refusal(() => validateAgainstSpec("PUT", "/applications/1/commands", [bad])).code).toBe(
      50035,
    );
  });

  it("matches literal path segments first (@me, @original)", () => {
    const error = refusal(() =>
      validateAgainstSpec("POST", "/users/@me/channels", { recipient_id: [] }),
    );
    expect(JSON.stringify(error.errors)).toContain("recipient_id");
    expect(() =>
      validateAgainstSpec("PATCH", "/webhooks/1/tok/messages/@original", { content: "ok" }),
    ).not.toThrow();
  });
});

describe("the fake Discord validates what discord.js sends", () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let channelId: string;

  beforeEach(async () => {
    fake = await startFakeDiscord();
    const guildId = fake.addGuild();
    channelId = fake.addChannel(guildId, { name: "updates" });
    client = await readyClient(fake);
  });

  afterEach(async () => {
    await client.destroy();
    await fake.close();
  });

  it("answers a malformed body with 400 50035 and stores nothing", async () => {
    const error = await client.rest
      .post(Routes.channelMessages(channelId), { body: { content: "x", tts: "yes" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).rawError).toMatchObject({ errors: { tts: {} } });
    expect(fake.messages(channelId)).toHaveLength(0);
  });

  it("validates the payload_json part of a multipart body", async () => {
    const files = [{ name: "a.txt", data: Buffer.from("a") }];
    const error = await client.rest
      .post(Routes.channelMessages(channelId), { body: { content: ["x"] }, files })
      .catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    const sent = await client.rest.post(Routes.channelMessages(channelId), {
      body: { content: "x" },
      files,
    });
    expect(sent).toMatchObject({ content: "x" });
  });
});
