import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { everywhere } from "../src/discord/installs.js";
import { resolveLocale } from "../src/i18n/index.js";
import { renderStatsMessage } from "../src/pictures/statsReply.js";
import { deferByPublicOption, publicOption } from "./options.js";

const data = {
  name: "stats",
  description: "Show your Chastity Tracker stats with a lock ticker",
  ...everywhere,
  options: [
    publicOption({
      description: "Show your stats to everyone in the channel (default: only you)",
    }),
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: deferByPublicOption,
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const account = await requireAccount(ctx, interaction.user.id);
    const stats = await ctx.tracker.stats(account.token);
    const message = await renderStatsMessage(stats, ctx.wall().getTime(), locale);
    await interaction.editReply({ ...message, allowedMentions: { parse: [] } });
  },
} satisfies BotCommand;
