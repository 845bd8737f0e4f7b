import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { everywhere } from "../src/discord/installs.js";
import { resolveLocale, t } from "../src/i18n/index.js";
import { buildPrivacyReport } from "../src/privacy/report.js";
import { privacySourceOf } from "../src/privacy/sections.js";

const data = {
  name: "privacy",
  description: "See everything the bot stores about you, and how to erase it",
  ...everywhere,
  options: [
    {
      name: "json",
      description: "Also attach it all as a JSON file to keep",
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const withFile = interaction.options.getBoolean("json") ?? false;
    const hint = withFile ? t(locale, "privacy.jsonAttached") : t(locale, "privacy.jsonHint");
    const report = await buildPrivacyReport({
      userId: interaction.user.id,
      source: privacySourceOf(ctx),
      locale,
      now: ctx.wall(),
      maxLength: 2000 - hint.length - 2,
    });
    const files = withFile
      ? [
          new AttachmentBuilder(Buffer.from(`${JSON.stringify(report.json, null, 2)}\n`), {
            name: report.fileName,
          }),
        ]
      : [];
    ctx.logger.info({ userId: interaction.user.id, file: withFile }, "privacy report shown");
    await interaction.editReply({
      content: `${report.text}\n\n${hint}`,
      files,
      allowedMentions: { parse: [] },
    });
  },
} satisfies BotCommand;
