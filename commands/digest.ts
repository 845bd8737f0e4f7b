import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { serverAndBotDm } from "../src/discord/installs.js";
import { postableChannelTypes } from "../src/discord/permissions.js";
import { digestOff, setDigest } from "../src/digest/setup.js";
import { weekdays } from "../src/digest/week.js";
import { resolveLocale } from "../src/i18n/index.js";

const data = {
  name: "digest",
  description: "A weekly digest of your lock, posted once a week at the hour you choose",
  ...serverAndBotDm,
  options: [
    {
      name: "set",
      description: "Post your weekly digest in a channel on a weekday and hour (UTC)",
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: "day",
          description: "Which weekday",
          type: ApplicationCommandOptionType.String,
          required: true,
          choices: weekdays.map((d) => ({ name: d[0]!.toUpperCase() + d.slice(1), value: d })),
        },
        {
          name: "hour",
          description: "Which hour, 0-23 (UTC)",
          type: ApplicationCommandOptionType.Integer,
          required: true,
          min_value: 0,
          max_value: 23,
        },
        {
          name: "channel",
          description: "Which channel (default: this channel)",
          type: ApplicationCommandOptionType.Channel,
          required: false,
          channel_types: [...postableChannelTypes],
        },
      ],
    },
    {
      name: "off",
      description: "Stop your weekly digest",
      type: ApplicationCommandOptionType.Subcommand,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const text =
      interaction.options.getSubcommand() === "set"
        ? await setDigest(interaction, ctx, locale)
        : await digestOff(interaction.user.id, ctx, locale);
    await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
  },
} satisfies BotCommand;
