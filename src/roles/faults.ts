/**
 * What Discord's refusals mean for role sync: a missing permission, a role
 * above the bot's or a deleted role pause the server's sync (its admin gets
 * one DM; `/roles set` resumes); a member who left loses their consent.
 */
import { escapeMarkdown } from "discord.js";
import { t } from "../i18n/index.js";
import type { Logger } from "../log.js";
import { errorSummary } from "../util/errorSummary.js";
import type { RoleConfig, RoleMember, RoleProblem, RoleStore } from "../store/roleTypes.js";
import { DiscordCodes, type RoleApi, type RoleApiError, type RoleIssue } from "./api.js";
import { configLocale } from "./plan.js";
import { problemText } from "./describe.js";

export interface RoleFaults {
  /** Pauses the server's sync; DMs the admin when this call paused it. Returns whether it did. */
  pause(config: RoleConfig, issue: RoleIssue): Promise<boolean>;
  /** Deals with a refusal; false when it is none of the known faults (retry later). */
  handle(config: RoleConfig, member: RoleMember, err: RoleApiError): Promise<boolean>;
}

export function createRoleFaults(deps: {
  store: RoleStore;
  api: RoleApi;
  logger: Logger;
  /** The wall clock's date: for what is stored or shown. */
  wall: () => Date;
  notifyUser: (userId: string, text: string) => Promise<void>;
}): RoleFaults {
  const { store, api, logger } = deps;

  async function pause(config: RoleConfig, issue: RoleIssue): Promise<boolean> {
    const paused = await store.updateConfig(config.guildId, (fresh) =>
      fresh.problem === null
        ? {
            ...fresh,
            problem: issue.problem,
            problemRoleId: issue.roleId,
            pausedAt: deps.wall().toISOString(),
          }
        : undefined,
    );
    if (!paused) return false;
    logger.warn(
      { guildId: config.guildId, problem: issue.problem, roleId: issue.roleId },
      "role sync paused",
    );
    const locale = configLocale(paused);
    const roleLabel = (roleId: string | null) =>
      roleId === null ? null : `@${escapeMarkdown(api.roleName(config.guildId, roleId) ?? roleId)}`;
    const server = escapeMarkdown(api.guildName(config.guildId) ?? config.guildId);
    const text = t(locale, "roles.pausedDm", {
      server,
      problem: problemText(locale, paused.problem as RoleProblem, roleLabel(paused.problemRoleId)),
    });
    try {
      await deps.notifyUser(paused.setBy, text);
    } catch (err) {
      logger.warn({ guildId: config.guildId, err: errorSummary(err) }, "could not DM the admin");
    }
    return true;
  }

  return {
    pause,
    async handle(config, member, err) {
      if (err.code === DiscordCodes.unknownMember) {
        await store.deleteMember(member.guildId, member.userId);
        logger.info(
          { guildId: member.guildId, userId: member.userId },
          "member left the server; role sync consent dropped",
        );
        return true;
      }
      if (err.code === DiscordCodes.missingPermissions || err.code === DiscordCodes.unknownRole) {
        // The cache usually tells which; Discord's answer does not.
        const issue = api.problem(config.guildId, [
          config.locked,
          ...(config.unlocked ? [config.unlocked] : []),
          ...(config.linked ? [config.linked] : []),
        ]) ?? {
          problem: err.code === DiscordCodes.unknownRole ? "role_deleted" : "missing_permissions",
          roleId: null,
        };
        await pause(config, issue);
        return true;
      }
      return false;
    },
  };
}
