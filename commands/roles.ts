import {
  type APIApplicationCommandRoleOption,
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { serverOnly } from "../src/discord/installs.js";
import type { BotCommand, BotContext } from "../src/botContext.js";
import { UserError } from "../src/discord/errors.js";
import { type Locale, type MessageKey, resolveLocale, t } from "../src/i18n/index.js";
import { guildRoleIssue } from "../src/roles/api.js";
import { roleChoiceProblems } from "../src/roles/check.js";
import { problemText } from "../src/roles/describe.js";
import { configRoles } from "../src/roles/plan.js";
import type { RoleConfig } from "../src/store/types.js";

/** The English text; localizeCommand adds the other languages at registration. */
const text = (key: MessageKey) => ({ description: t("en", key) });

const roleOption = (
  name: string,
  key: MessageKey,
  required: boolean,
): APIApplicationCommandRoleOption => ({
  name,
  ...text(key),
  type: ApplicationCommandOptionType.Role,
  required,
});

const data = {
  name: "roles",
  ...text("commands.roles.description"),
  default_member_permissions: PermissionFlagsBits.ManageRoles.toString(),
  ...serverOnly,
  options: [
    {
      name: "set",
      ...text("commands.roles.set.description"),
      type: ApplicationCommandOptionType.Subcommand,
      options: [
        roleOption("locked", "commands.roles.set.locked.description", true),
        roleOption("unlocked", "commands.roles.set.unlocked.description", false),
        roleOption("linked", "commands.roles.set.linked.description", false),
      ],
    },
    {
      name: "show",
      ...text("commands.roles.show.description"),
      type: ApplicationCommandOptionType.Subcommand,
    },
    {
      name: "off",
      ...text("commands.roles.off.description"),
      type: ApplicationCommandOptionType.Subcommand,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const mention = (roleId: string | null, locale: Locale) =>
  roleId === null ? t(locale, "roles.none") : `<@&${roleId}>`;

export function rolesLine(config: RoleConfig, locale: Locale): string {
  return t(locale, "roles.rolesList", {
    locked: mention(config.locked, locale),
    unlocked: mention(config.unlocked, locale),
    linked: mention(config.linked, locale),
  });
}

async function set(interaction: ChatInputCommandInteraction<"cached">, ctx: BotContext) {
  const locale = resolveLocale(interaction.locale);
  const { guild } = interaction;
  const chosen = [
    interaction.options.getRole("locked", true),
    interaction.options.getRole("unlocked"),
    interaction.options.getRole("linked"),
  ].filter((r) => r !== null);
  const me = guild.members.me ?? (await guild.members.fetchMe());
  const problems = roleChoiceProblems(locale, guild, me, chosen);
  if (problems.length > 0) throw new UserError(problems.join("\n"));
  const previous = await ctx.store.roles.getConfig(guild.id);
  const config: RoleConfig = {
    guildId: guild.id,
    locked: interaction.options.getRole("locked", true).id,
    unlocked: interaction.options.getRole("unlocked")?.id ?? null,
    linked: interaction.options.getRole("linked")?.id ?? null,
    setBy: interaction.user.id,
    locale,
    setAt: ctx.wall().toISOString(),
    problem: null,
    problemRoleId: null,
    pausedAt: null,
  };
  await ctx.roleSync.configure(config);
  ctx.logger.info(
    { guildId: guild.id, userId: interaction.user.id, resumed: previous?.problem != null },
    "role sync configured",
  );
  const lines = [t(locale, "roles.setDone", { roles: rolesLine(config, locale) })];
  if (previous?.problem != null) lines.push(t(locale, "roles.setResumed"));
  await interaction.editReply(lines.join("\n"));
}

async function show(interaction: ChatInputCommandInteraction<"cached">, ctx: BotContext) {
  const locale = resolveLocale(interaction.locale);
  const config = await ctx.store.roles.getConfig(interaction.guildId);
  if (!config) {
    await interaction.editReply(t(locale, "roles.showNotConfigured"));
    return;
  }
  const count = (await ctx.store.roles.listMembersByGuild(interaction.guildId)).length;
  const lines = [rolesLine(config, locale), t(locale, "roles.showMembers", { count })];
  if (config.problem !== null) {
    const since = `<t:${Math.floor(Date.parse(config.pausedAt ?? config.setAt) / 1000)}:R>`;
    const problem = problemText(locale, config.problem, mention(config.problemRoleId, locale));
    lines.push(t(locale, "roles.showPaused", { since, problem }));
  } else {
    lines.push(t(locale, "roles.showActive"));
  }
  const now = guildRoleIssue(interaction.guild, configRoles(config));
  if (now && (now.problem !== config.problem || now.roleId !== config.problemRoleId)) {
    const problem = problemText(locale, now.problem, mention(now.roleId, locale));
    lines.push(t(locale, "roles.showProblemNow", { problem }));
  }
  await interaction.editReply({
    embeds: [{ title: t(locale, "roles.showTitle"), description: lines.join("\n") }],
  });
}

async function off(interaction: ChatInputCommandInteraction<"cached">, ctx: BotContext) {
  const locale = resolveLocale(interaction.locale);
  if (!(await ctx.store.roles.getConfig(interaction.guildId))) {
    await interaction.editReply(t(locale, "roles.offNotConfigured"));
    return;
  }
  const result = await ctx.roleSync.disable(interaction.guildId);
  const lines = [t(locale, "roles.offDone", { count: result.removed })];
  if (result.failed > 0) lines.push(t(locale, "roles.removeFailed", { count: result.failed }));
  await interaction.editReply(lines.join("\n"));
}

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    if (!interaction.inCachedGuild()) {
      throw new UserError({ key: "roles.serverOnly" });
    }
    const sub = interaction.options.getSubcommand();
    if (sub === "set") await set(interaction, ctx);
    else if (sub === "show") await show(interaction, ctx);
    else await off(interaction, ctx);
  },
} satisfies BotCommand;
