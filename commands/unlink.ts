import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Command } from "../src/discord/command.js";
import { everywhere } from "../src/discord/installs.js";

const data = {
  name: "unlink",
  description: "Forget your Chastity Tracker token and stop every subscription you made",
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const userId = interaction.user.id;
    const hadAccount = await ctx.store.accounts.delete(userId);
    const subscriptions = await ctx.store.subscriptions.deleteByUser(userId);
    ctx.sessionCache.clear(userId);
    await ctx.store.locales.forgetMember(userId);
    ctx.logger.info({ userId, hadAccount, subscriptions }, "account unlinked");
    if (!hadAccount && subscriptions === 0) {
      await interaction.editReply(
        "Nothing to remove: you had no linked token and no subscriptions.",
      );
      return;
    }
    const removed = [
      hadAccount ? "your encrypted tracker token and nick" : undefined,
      subscriptions > 0
        ? `${subscriptions} subscription${subscriptions === 1 ? "" : "s"} (no more posts from them)`
        : undefined,
      "your cached session list",
    ].filter((x) => x !== undefined);
    await interaction.editReply(
      `Removed ${removed.join(", ")}. Nothing of yours is left in the bot's database. You can also revoke the token on your tracker profile.`,
    );
  },
} satisfies Command;
