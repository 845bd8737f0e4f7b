import {
  type APIApplicationCommandBasicOption,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { postCard, removeCards } from "../src/cards/post.js";
import { serverAndBotDm } from "../src/discord/installs.js";
import { postableChannelTypes } from "../src/discord/permissions.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { resolveLocale } from "../src/i18n/index.js";

/**
 * `post` and `remove` take the same options: which session's card, in which channel. A fresh
 * array each time: discord.js wants mutable option objects, not a shared readonly one.
 */
const cardOptions = (): APIApplicationCommandBasicOption[] => [
  {
    name: "session",
    description: "Session number; leave empty for your active session",
    type: ApplicationCommandOptionType.Integer,
    required: false,
    autocomplete: true,
    min_value: 1,
  },
  {
    name: "channel",
    description: "Which channel (default: this channel)",
    type: ApplicationCommandOptionType.Channel,
    required: false,
    channel_types: [...postableChannelTypes],
  },
];

const data = {
  name: "card",
  description: "A live status card of your session, edited in place as it changes",
  ...serverAndBotDm,
  options: [
    {
      name: "post",
      description: "Post a status card of a session (needs a subscription that follows it)",
      type: ApplicationCommandOptionType.Subcommand,
      options: cardOptions(),
    },
    {
      name: "remove",
      description: "Take your status card down",
      type: ApplicationCommandOptionType.Subcommand,
      options: cardOptions(),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const text =
      interaction.options.getSubcommand() === "post"
        ? await postCard(interaction, ctx, locale)
        : await removeCards(interaction, ctx, locale);
    await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
  },
  autocomplete: autocompleteSession,
} satisfies BotCommand;
