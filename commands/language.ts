import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { BotCommand } from "../src/botContext.js";
import { UserError } from "../src/discord/errors.js";
import { canManageGuild } from "../src/discord/permissions.js";
import { serverOnly } from "../src/discord/installs.js";
import { type Locale, locales, resolveLocale, t } from "../src/i18n/index.js";

const data = {
  name: "language",
  description: "The language of the bot's posts in this server",
  ...serverOnly,
  options: [
    {
      name: "set",
      description: "Choose the language of posts in this server (Manage Server)",
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: "locale",
          description: "The language; server default follows Discord's setting",
          type: ApplicationCommandOptionType.String,
          required: true,
          choices: [
            { name: "server default (Discord setting)", value: "auto" },
            { name: "English", value: "en" },
            { name: "German (Deutsch)", value: "de" },
            { name: "French (Français)", value: "fr" },
            { name: "Spanish (Español)", value: "es" },
            { name: "Dutch (Nederlands)", value: "nl" },
          ],
        },
      ],
    },
    {
      name: "show",
      description: "Show the language of posts in this server",
      type: ApplicationCommandOptionType.Subcommand,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord offers only the choices, but the value is still checked: clients lie. */
const choiceSchema = z.enum(["auto", ...locales]);

const languageName = (locale: Locale, of: Locale) => t(locale, `language.name_${of}`);

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const guildId = interaction.guildId;
    if (guildId === null) throw new UserError({ key: "errors.serverOnly" });
    if (interaction.options.getSubcommand() === "show") {
      const override = await ctx.store.locales.guild(guildId);
      const current = await ctx.postLocale(guildId, interaction.user.id);
      const language = languageName(locale, current);
      await interaction.editReply(
        t(locale, override ? "language.showOverride" : "language.showDefault", { language }),
      );
      return;
    }
    if (!canManageGuild(interaction)) throw new UserError({ key: "errors.needsManageServer" });
    const parsed = choiceSchema.safeParse(interaction.options.getString("locale", true));
    if (!parsed.success) throw new UserError({ key: "errors.unknownInteraction" });
    const chosen = parsed.data === "auto" ? null : parsed.data;
    await ctx.store.locales.setGuild(guildId, chosen, interaction.user.id);
    ctx.logger.info({ guildId, userId: interaction.user.id, locale: chosen }, "post language set");
    const current = await ctx.postLocale(guildId, interaction.user.id);
    const language = languageName(locale, current);
    await interaction.editReply(
      t(locale, chosen === null ? "language.reset" : "language.setTo", { language }),
    );
  },
} satisfies BotCommand;
