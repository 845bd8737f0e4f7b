/** Which roles `/roles set` may accept: the refusals, each with its reason. */
import { type Guild, type GuildMember, PermissionFlagsBits, type Role } from "discord.js";
import { type Locale, t } from "../i18n/index.js";

/** Reasons to refuse the chosen roles; empty when the bot can manage all of them. */
export function roleChoiceProblems(
  locale: Locale,
  guild: Guild,
  me: GuildMember,
  chosen: readonly Role[],
): string[] {
  if (!me.permissions.has(PermissionFlagsBits.ManageRoles)) {
    return [t(locale, "roles.botLacksManageRoles")];
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const role of chosen) {
    const mention = role.id === guild.id ? "@everyone" : `<@&${role.id}>`;
    if (seen.has(role.id)) {
      problems.push(t(locale, "roles.roleTwice", { role: mention }));
      continue;
    }
    seen.add(role.id);
    if (role.id === guild.id) problems.push(t(locale, "roles.roleEveryone", { role: mention }));
    else if (role.managed) problems.push(t(locale, "roles.roleManaged", { role: mention }));
    else if (me.roles.highest.comparePositionTo(role) <= 0) {
      problems.push(t(locale, "roles.roleAboveBot", { role: mention }));
    }
  }
  return [...new Set(problems)];
}
