import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n/index.js";
import { closeHarnessAfterEach, setup, token } from "./pollerSetup.js";

closeHarnessAfterEach();

describe("DMs the bot sends on its own", () => {
  it("are in the language of the member's last interaction", async () => {
    const { h, userId, subscribe } = await setup();
    await subscribe();
    // Any interaction records the member's language; this one is Dutch.
    await h.discord.interact
      .chatInput({
        userId,
        guildId: h.guildId,
        channelId: h.channelId,
        name: "language",
        subcommand: "show",
        locale: "nl",
      })
      .waitFor("edit");
    h.tracker.revokeToken(token);
    await h.discord.waitFor(() => h.discord.dmsTo(userId).length >= 1, 8000, "a DM");
    expect(h.discord.dmsTo(userId)[0]?.content).toBe(t("nl", "notices.tokenInvalid"));
    expect(h.discord.dmsTo(userId)[0]?.content).toMatch(/^Je Chastity Tracker-API-token werkt/);
  });
});
