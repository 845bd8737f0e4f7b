import {
  ApplicationCommandOptionType,
  ComponentType,
  MessageFlags,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  TextInputStyle,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { parseCustomId } from "../src/discord/command.js";
import { UserError } from "../src/discord/errors.js";
import { serverOnly } from "../src/discord/installs.js";
import { canManageGuild, postableChannelTypes } from "../src/discord/permissions.js";
import { reply } from "../src/discord/router.js";
import { resolveLocale, t } from "../src/i18n/index.js";
import { openPanel, pasteModalId } from "../src/play/openPanel.js";
import { setVotesEnabled } from "../src/play/settings.js";
import { handleVote } from "../src/play/vote.js";
import { voteTypes } from "../src/tracker/play.js";

const data = {
  name: "votes",
  description: "Link-game vote panels: let the server vote on your lock",
  ...serverOnly,
  options: [
    {
      name: "open",
      description: "Post a vote panel for your active session's link game",
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: "channel",
          description: "Where to post the panel (default: this channel)",
          type: ApplicationCommandOptionType.Channel,
          required: false,
          channel_types: [...postableChannelTypes],
        },
      ],
    },
    {
      name: "close",
      description: "Close your vote panels in this server",
      type: ApplicationCommandOptionType.Subcommand,
    },
    {
      name: "server",
      description: "Turn vote panels on or off in this server (Manage Server)",
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: "enabled",
          description: "true: members may post vote panels here; false: none, and close open ones",
          type: ApplicationCommandOptionType.Boolean,
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    if (!interaction.inCachedGuild()) throw new UserError({ key: "play.serverOnly" });
    const sub = interaction.options.getSubcommand();
    const guildId = interaction.guildId;
    if (sub === "open") {
      const channelId = interaction.options.getChannel("channel")?.id ?? interaction.channelId;
      return openPanel(interaction, ctx, channelId);
    }
    if (sub === "close") {
      const count = await ctx.votePanels.closeWhere(
        (p) => p.ownerId === interaction.user.id && p.guildId === guildId && p.status === "open",
        "owner",
      );
      await interaction.editReply(
        count === 0 ? t(locale, "play.noneOpen") : t(locale, "play.closed", { count }),
      );
      return;
    }
    if (!canManageGuild(interaction)) throw new UserError({ key: "play.needsManageServer" });
    const enabled = interaction.options.getBoolean("enabled", true);
    await setVotesEnabled(ctx.store, guildId, enabled);
    const count = enabled
      ? 0
      : await ctx.votePanels.closeWhere(
          (p) => p.guildId === guildId && p.status === "open",
          "disabled",
        );
    ctx.logger.info({ guildId, enabled, closed: count }, "vote panels switched");
    await interaction.editReply(
      enabled ? t(locale, "play.serverOn") : t(locale, "play.serverOff", { count }),
    );
  },
  async button(interaction, ctx) {
    const { action, rest } = parseCustomId(interaction.customId);
    const locale = resolveLocale(interaction.locale);
    const [id = "", rawType] = rest;
    if (action === "v") {
      const type = voteTypes.find((v) => v === rawType);
      if (!type) throw new UserError({ key: "play.panelGone" });
      return handleVote(interaction, ctx, id, type);
    }
    if (action === "close") {
      const panel = await ctx.store.plays.getPanel(id);
      if (panel && panel.ownerId !== interaction.user.id)
        return reply(interaction, t(locale, "play.onlyOwnerCloses"));
      await interaction.deferUpdate();
      await ctx.votePanels.close(id, "owner");
      return;
    }
    if (action === "paste") {
      await interaction.showModal({
        custom_id: pasteModalId(id),
        title: t(locale, "play.pasteTitle"),
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.TextInput,
                custom_id: "link",
                label: t(locale, "play.pasteLabel"),
                style: TextInputStyle.Short,
                required: true,
                max_length: 300,
              },
            ],
          },
        ],
      });
      return;
    }
    throw new UserError({ key: "errors.unknownInteraction" });
  },
  async modal(interaction, ctx) {
    const { action, rest } = parseCustomId(interaction.customId);
    if (action !== "pasted" || !interaction.inCachedGuild())
      throw new UserError({ key: "errors.unknownInteraction" });
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const pasted = interaction.fields.getTextInputValue("link");
    await openPanel(interaction, ctx, rest[0] ?? "", pasted);
  },
} satisfies BotCommand;
