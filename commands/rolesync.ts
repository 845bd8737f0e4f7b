import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { requireAccount } from "../src/discord/accounts.js";
import { serverOnly } from "../src/discord/installs.js";
import type { BotCommand } from "../src/botContext.js";
import { UserError } from "../src/discord/errors.js";
import { resolveLocale, t } from "../src/i18n/index.js";

const data = {
  name: "rolesync",
  description: t("en", "commands.rolesync.description"),
  ...serverOnly,
  options: [
    {
      name: "enabled",
      description: t("en", "commands.rolesync.enabled.description"),
      type: ApplicationCommandOptionType.Boolean,
      required: true,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    if (!interaction.inCachedGuild()) throw new UserError({ key: "roles.serverOnly" });
    const { guildId } = interaction;
    const userId = interaction.user.id;
    const sync = ctx.roleSync;
    if (!interaction.options.getBoolean("enabled", true)) {
      if (!(await ctx.store.roles.getMember(guildId, userId))) {
        await interaction.editReply(t(locale, "roles.rolesyncOffNothing"));
        return;
      }
      const result = await sync.withdraw(guildId, userId);
      const lines = [t(locale, "roles.rolesyncOff", { count: result.removed })];
      if (result.failed > 0) lines.push(t(locale, "roles.removeFailed", { count: result.failed }));
      await interaction.editReply(lines.join("\n"));
      return;
    }
    await requireAccount(ctx, userId);
    const config = await ctx.store.roles.getConfig(guildId);
    if (!config) throw new UserError({ key: "roles.rolesyncNotConfigured" });
    await sync.consent(guildId, userId, [...interaction.member.roles.cache.keys()]);
    ctx.logger.info({ guildId, userId }, "role sync consent given");
    await interaction.editReply(
      config.problem === null
        ? t(locale, "roles.rolesyncOn", { seconds: ctx.config.POLL_INTERVAL_SECONDS + 5 })
        : t(locale, "roles.rolesyncOnPaused"),
    );
  },
} satisfies BotCommand;
