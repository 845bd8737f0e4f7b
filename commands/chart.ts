import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { everywhere } from "../src/discord/installs.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { readTimeWindow } from "../src/discord/timeOptions.js";
import { resolveLocale } from "../src/i18n/index.js";
import { loadChartData, renderChartMessage } from "../src/pictures/chartReply.js";
import { checkSession, deferByPublicOption, publicOption } from "./options.js";

const data = {
  name: "chart",
  description: "Draw how a session's release date moved",
  ...everywhere,
  options: [
    {
      name: "session",
      description: "Session number (default: your active session, else the newest)",
      type: ApplicationCommandOptionType.Integer,
      required: false,
      autocomplete: true,
      min_value: 1,
    },
    {
      name: "from",
      description:
        "Oldest change to draw: 2026-02-01, 2026-02-01 18:30 (UTC), or an age like 24h, 7d",
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: 40,
    },
    {
      name: "to",
      description: "Newest change to draw, same forms as from",
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: 40,
    },
    publicOption({
      description: "Show the chart to everyone in the channel (default: only you)",
    }),
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: deferByPublicOption,
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const session = checkSession(interaction.options.getInteger("session")) ?? undefined;
    const { from, to } = readTimeWindow(interaction.options, ctx.wall());
    const account = await requireAccount(ctx, interaction.user.id);
    const chart = await loadChartData(ctx, {
      userId: interaction.user.id,
      account,
      session,
      from,
      to,
      locale,
    });
    const message = await renderChartMessage(chart, ctx.wall().getTime(), locale);
    await interaction.editReply({ ...message, allowedMentions: { parse: [] } });
  },
  autocomplete: autocompleteSession,
} satisfies BotCommand;
