/**
 * What role sync needs from Discord, as a small interface: the discord.js
 * implementation below, hand-written fakes in unit tests. Requests go through
 * discord.js's REST queue, which follows Discord's rate-limit headers.
 */
import { type Client, DiscordAPIError, type Guild, PermissionFlagsBits, Routes } from "discord.js";
import { z } from "zod";
import type { RoleProblem } from "../store/roleTypes.js";

export interface RoleApi {
  add(guildId: string, userId: string, roleId: string, reason: string): Promise<void>;
  remove(guildId: string, userId: string, roleId: string, reason: string): Promise<void>;
  /** The member's role ids, read from Discord (one request). */
  memberRoles(guildId: string, userId: string): Promise<string[]>;
  /** What stops the bot from managing these roles, from the gateway's cache (no request). */
  problem(guildId: string, roleIds: readonly string[]): RoleIssue | undefined;
  guildName(guildId: string): string | undefined;
  roleName(guildId: string, roleId: string): string | undefined;
}

export interface RoleIssue {
  problem: RoleProblem;
  roleId: string | null;
}

/** Discord refused a role request; `code` is Discord's JSON error code (50013, 10007, 10011...). */
export class RoleApiError extends Error {
  override readonly name = "RoleApiError";
  constructor(
    message: string,
    readonly code: number,
    readonly status: number,
  ) {
    super(message);
  }
}

export const DiscordCodes = {
  unknownMember: 10007,
  unknownRole: 10011,
  missingPermissions: 50013,
} as const;

const memberSchema = z.object({ roles: z.array(z.string()) });

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    if (err instanceof DiscordAPIError) {
      throw new RoleApiError(err.message, Number(err.code), err.status);
    }
    throw err;
  }
}

/**
 * Problems with the bot's standing for these roles in a guild: no Manage Roles,
 * a role gone, or a role not below the bot's highest role (Discord's rule).
 */
export function guildRoleIssue(guild: Guild, roleIds: readonly string[]): RoleIssue | undefined {
  const me = guild.members.me;
  if (!me) return undefined;
  if (!me.permissions.has(PermissionFlagsBits.ManageRoles)) {
    return { problem: "missing_permissions", roleId: null };
  }
  for (const roleId of roleIds) {
    const role = guild.roles.cache.get(roleId);
    if (!role) return { problem: "role_deleted", roleId };
    if (me.roles.highest.comparePositionTo(role) <= 0) {
      return { problem: "role_above_bot", roleId };
    }
  }
  return undefined;
}

export function createDiscordRoleApi(client: Client): RoleApi {
  return {
    add: (guildId, userId, roleId, reason) =>
      call(async () => {
        await client.rest.put(Routes.guildMemberRole(guildId, userId, roleId), { reason });
      }),
    remove: (guildId, userId, roleId, reason) =>
      call(async () => {
        await client.rest.delete(Routes.guildMemberRole(guildId, userId, roleId), { reason });
      }),
    memberRoles: (guildId, userId) =>
      call(async () => {
        const member = memberSchema.parse(
          await client.rest.get(Routes.guildMember(guildId, userId)),
        );
        return member.roles;
      }),
    problem(guildId, roleIds) {
      const guild = client.guilds.cache.get(guildId);
      return guild ? guildRoleIssue(guild, roleIds) : undefined;
    },
    guildName: (guildId) => client.guilds.cache.get(guildId)?.name,
    roleName: (guildId, roleId) => client.guilds.cache.get(guildId)?.roles.cache.get(roleId)?.name,
  };
}
