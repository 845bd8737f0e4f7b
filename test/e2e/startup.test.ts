import { afterEach, describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.js";
import { type Harness, startHarness } from "./harness.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("start-up and command registration", () => {
  it("logs in, registers every command once, and skips the PUT when nothing changed", async () => {
    h = await startHarness();
    expect(h.bot.client.isReady()).toBe(true);
    expect(h.discord.commands.puts).toBe(1);
    expect(h.discord.commands.global.map((c) => c.name).sort()).toEqual(
      commandDefinitions.map((c) => c.name).sort(),
    );
    await h.restart();
    expect(h.discord.commands.puts).toBe(1);
    expect(h.logs()).toContain("slash commands unchanged");
  });

  it("registers in one server when COMMAND_GUILD_ID is set", async () => {
    h = await startHarness({ env: { COMMAND_GUILD_ID: "123456789012345678" } });
    const puts = h.discord.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.path)).toEqual([
      `/applications/${h.discord.applicationId}/guilds/123456789012345678/commands`,
    ]);
    // That server is not one the bot is in: the failure is logged in words, the bot runs on.
    expect(h.logs()).toContain("could not register slash commands");
    expect(h.bot.client.isReady()).toBe(true);
  });
});

describe("invite URL", () => {
  it("asks for exactly the permissions the README documents", async () => {
    const { inviteUrl } = await import("../../src/bot.js");
    const url = new URL(inviteUrl("1234"));
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    expect(url.searchParams.get("permissions")).toBe("275146361856");
    const readme = await import("node:fs/promises").then((fs) => fs.readFile("README.md", "utf8"));
    expect(readme).toContain("permissions=275146361856");
  });

  it("is logged at start-up with the application id", async () => {
    h = await startHarness();
    expect(h.logs()).toContain(
      `client_id=${h.discord.applicationId}&scope=bot+applications.commands&permissions=275146361856`,
    );
  });
});
