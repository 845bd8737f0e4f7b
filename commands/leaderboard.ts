import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { UserError } from "../src/discord/errors.js";
import { serverOnly } from "../src/discord/installs.js";
import { canManageGuild } from "../src/discord/permissions.js";
import { resolveLocale, t } from "../src/i18n/index.js";
import { monthOf } from "../src/leaderboard/figures.js";
import { boardEmbed } from "../src/leaderboard/render.js";
import { leaderboardEnabled, setLeaderboardEnabled } from "../src/leaderboard/settings.js";

const data = {
  name: "leaderboard",
  description: "The server's opt-in leaderboard of lock times",
  ...serverOnly,
  options: [
    {
      name: "show",
      description: "Show the board of members who joined (this month, or a past one)",
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: "month",
          description: "A past month as YYYY-MM (default: this month)",
          type: ApplicationCommandOptionType.String,
          required: false,
          max_length: 7,
        },
      ],
    },
    {
      name: "join",
      description: "Join this server's leaderboard (your lock times are read and shown here)",
      type: ApplicationCommandOptionType.Subcommand,
    },
    {
      name: "leave",
      description: "Leave this server's leaderboard (your rows are deleted at once)",
      type: ApplicationCommandOptionType.Subcommand,
    },
    {
      name: "server",
      description: "Turn the leaderboard on or off in this server (Manage Server)",
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        {
          name: "enabled",
          description: "true: members may join and see the board; false: no board here",
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
    const guildId = interaction.guildId;
    if (guildId === null) throw new UserError({ key: "leaderboard.serverOnly" });
    const userId = interaction.user.id;
    const sub = interaction.options.getSubcommand();
    if (sub === "server") {
      if (!canManageGuild(interaction)) throw new UserError({ key: "leaderboard.needsManage" });
      const on = interaction.options.getBoolean("enabled", true);
      await setLeaderboardEnabled(ctx.store, guildId, on);
      await interaction.editReply(t(locale, on ? "leaderboard.turnedOn" : "leaderboard.turnedOff"));
      return;
    }
    if (sub === "leave") {
      const left = await ctx.store.leaderboard.leave(guildId, userId);
      ctx.leaderboard.forget(userId);
      await interaction.editReply(t(locale, left ? "leaderboard.left" : "leaderboard.notJoined"));
      return;
    }
    if (!(await leaderboardEnabled(ctx.store, guildId)))
      throw new UserError({ key: "leaderboard.off" });
    if (sub === "join") {
      await requireAccount(ctx, userId);
      const joinedAt = ctx.wall().toISOString();
      await ctx.store.leaderboard.join({ kind: "member", guildId, userId, joinedAt });
      await interaction.editReply(t(locale, "leaderboard.joined"));
      return;
    }
    const month = interaction.options.getString("month") ?? monthOf(ctx.wall().getTime());
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new UserError({ key: "leaderboard.badMonth", vars: { month: month.slice(0, 7) } });
    const rows = await ctx.leaderboard.board(guildId, month);
    await interaction.editReply({
      embeds: [boardEmbed(rows, month, locale)],
      allowedMentions: { parse: [] },
    });
  },
} satisfies BotCommand;
