import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { requireAccount } from "../src/discord/accounts.js";
import type { Command } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { readTimeWindow } from "../src/discord/timeOptions.js";
import { localizations, resolveLocale, t } from "../src/i18n/index.js";
import { loadChartData, renderChartMessage } from "../src/pictures/chartReply.js";

const data = {
  name: "chart",
  description: t("en", "chart.commandDescription"),
  description_localizations: localizations("chart.commandDescription"),
  integration_types: [
    ApplicationIntegrationType.GuildInstall,
    ApplicationIntegrationType.UserInstall,
  ],
  contexts: [
    InteractionContextType.Guild,
    InteractionContextType.BotDM,
    InteractionContextType.PrivateChannel,
  ],
  options: [
    {
      name: "session",
      description: t("en", "chart.optionSession"),
      description_localizations: localizations("chart.optionSession"),
      type: ApplicationCommandOptionType.Integer,
      required: false,
      autocomplete: true,
      min_value: 1,
    },
    {
      name: "from",
      description: t("en", "chart.optionFrom"),
      description_localizations: localizations("chart.optionFrom"),
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: 40,
    },
    {
      name: "to",
      description: t("en", "chart.optionTo"),
      description_localizations: localizations("chart.optionTo"),
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: 40,
    },
    {
      name: "public",
      description: t("en", "chart.optionPublic"),
      description_localizations: localizations("chart.optionPublic"),
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: (interaction) => (interaction.options.getBoolean("public") ? "public" : "ephemeral"),
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const session = interaction.options.getInteger("session") ?? undefined;
    // Discord enforces min_value, but clients lie.
    if (session !== undefined && (!Number.isSafeInteger(session) || session <= 0)) {
      throw new UserError(t(locale, "chart.badSession"));
    }
    const { from, to } = readTimeWindow(interaction.options, ctx.now());
    const account = await requireAccount(ctx, interaction.user.id);
    const chart = await loadChartData(ctx, {
      userId: interaction.user.id,
      account,
      session,
      from,
      to,
      locale,
    });
    const message = await renderChartMessage(chart, ctx.now().getTime(), locale);
    await interaction.editReply({ ...message, allowedMentions: { parse: [] } });
  },
  autocomplete: autocompleteSession,
} satisfies Command;
