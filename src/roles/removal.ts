/**
 * Taking back what the bot gave: `/rolesync enabled:false`, `/unlink`,
 * `/roles off`, and roles dropped from the configuration by `/roles set`.
 * Only roles in a member's `given` list are ever removed here.
 */
import type { Logger } from "../log.js";
import { errorSummary } from "../util/errorSummary.js";
import type { RoleConfig, RoleMember, RoleStore } from "../store/roleTypes.js";
import { roleMemberKey } from "../store/roleTypes.js";
import { DiscordCodes, type RoleApi, RoleApiError } from "./api.js";
import type { MemberState } from "./members.js";
import { auditReason, configRoles } from "./plan.js";

export interface RemovalResult {
  removed: number;
  /** Roles Discord would not let the bot remove (missing permission, role above the bot). */
  failed: number;
}

const total = (results: RemovalResult[]): RemovalResult => ({
  removed: results.reduce((n, r) => n + r.removed, 0),
  failed: results.reduce((n, r) => n + r.failed, 0),
});

export function createRoleRemoval(deps: {
  store: RoleStore;
  api: RoleApi;
  logger: Logger;
  members: MemberState;
}) {
  const { store, api, logger, members } = deps;
  const { known } = members;

  async function removeGiven(member: RoleMember, roleIds: readonly string[], reason: string) {
    const result: RemovalResult = { removed: 0, failed: 0 };
    const key = roleMemberKey(member.guildId, member.userId);
    for (const roleId of roleIds) {
      try {
        await api.remove(member.guildId, member.userId, roleId, reason);
        known.get(key)?.delete(roleId);
        result.removed++;
      } catch (err) {
        // The member left or the role is gone: nothing left to remove.
        const gone = [DiscordCodes.unknownMember, DiscordCodes.unknownRole] as number[];
        if (err instanceof RoleApiError && gone.includes(err.code)) continue;
        result.failed++;
        logger.warn(
          { guildId: member.guildId, userId: member.userId, roleId, err: errorSummary(err) },
          "could not remove a role the bot gave",
        );
      }
    }
    return result;
  }

  function withdraw(guildId: string, userId: string): Promise<RemovalResult> {
    return members.serial(guildId, userId, async () => {
      const member = await store.getMember(guildId, userId);
      if (!member) return { removed: 0, failed: 0 };
      const config = await store.getConfig(guildId);
      const result = await removeGiven(member, member.given, auditReason(config, "withdrawn"));
      await store.deleteMember(guildId, userId);
      known.delete(roleMemberKey(guildId, userId));
      logger.info({ guildId, userId, ...result }, "role sync consent withdrawn");
      return result;
    });
  }

  return {
    withdraw,
    async forgetUser(userId: string): Promise<RemovalResult> {
      const mine = await store.listMembersByUser(userId);
      return total(await Promise.all(mine.map((m) => withdraw(m.guildId, userId))));
    },

    /** Saves the configuration; takes back roles it no longer names; re-reads members next sync. */
    async configure(config: RoleConfig): Promise<void> {
      const previous = await store.getConfig(config.guildId);
      await store.putConfig(config);
      const kept = new Set(configRoles(config));
      const dropped = previous ? configRoles(previous).filter((r) => !kept.has(r)) : [];
      for (const m of await store.listMembersByGuild(config.guildId)) {
        // A pause may have let things drift: the next sync reads the member again.
        known.delete(roleMemberKey(m.guildId, m.userId));
        const stale = m.given.filter((r) => dropped.includes(r));
        if (stale.length === 0) continue;
        await members.serial(m.guildId, m.userId, async () => {
          const reason = auditReason(config, "withdrawn");
          const result = await removeGiven(m, stale, reason);
          if (result.failed > 0) return;
          await store.updateMember(m.guildId, m.userId, (fresh) => ({
            ...fresh,
            given: fresh.given.filter((r) => !stale.includes(r)),
          }));
        });
      }
    },

    /** `/roles off`: consents stay, so `/roles set` again picks the members up. */
    async disable(guildId: string): Promise<RemovalResult> {
      const config = await store.getConfig(guildId);
      const list = await store.listMembersByGuild(guildId);
      const results = await Promise.all(
        list.map((m) =>
          members.serial(guildId, m.userId, async () => {
            const fresh = await store.getMember(guildId, m.userId);
            if (!fresh) return { removed: 0, failed: 0 };
            const result = await removeGiven(fresh, fresh.given, auditReason(config, "withdrawn"));
            known.delete(roleMemberKey(guildId, m.userId));
            await store.updateMember(guildId, m.userId, (f) => ({ ...f, shown: null, given: [] }));
            return result;
          }),
        ),
      );
      await store.deleteConfig(guildId);
      const result = total(results);
      logger.info({ guildId, members: list.length, ...result }, "role sync turned off");
      return result;
    },
  };
}
