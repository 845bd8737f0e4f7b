/**
 * Member roles as Discord serves them: PUT/DELETE
 * /guilds/{guild}/members/{user}/roles/{role}, with Discord's refusals
 * (10004 guild, 10011 role, 10007 member, 50013 without Manage Roles or for a
 * role not below the bot's highest role) and a per-guild rate limit whose
 * x-ratelimit-* headers discord.js schedules by.
 */
import { PermissionFlagsBits } from "discord.js";
import type { FakeCore, Route, RouteContext } from "./core.js";
import { route } from "./core.js";
import { ApiError, Errors } from "./http.js";
import type { ChannelRateLimiter } from "./limits.js";
import { basePermissions, has } from "./permissions.js";
import type { FakeState } from "./state.js";

export const RoleErrors = {
  unknownRole: () => new ApiError(404, 10011, "Unknown Role"),
};

/** The highest position among the member's roles (@everyone's 0 when none). */
export function highestPosition(state: FakeState, guildId: string, userId: string): number {
  const roles = state.member(guildId, userId)?.roles ?? [];
  return Math.max(0, ...roles.map((id) => state.roles.get(id)?.position ?? 0));
}

export function roleRoutes(core: FakeCore, limiter: ChannelRateLimiter | null): Route[] {
  const { state } = core;
  const change = (kind: "add" | "remove") => (ctx: RouteContext) => {
    const guildId = ctx.params.guildId ?? "";
    const userId = ctx.params.userId ?? "";
    const roleId = ctx.params.roleId ?? "";
    if (!state.guilds.has(guildId)) throw Errors.unknownGuild();
    let headers: Record<string, string> = {};
    if (limiter) {
      const verdict = limiter.take(`roles:${guildId}`);
      headers = { ...verdict.headers, "x-ratelimit-bucket": "f3a1c0de0b5e6d7c8b9a0f1e2d3c4b5a" };
      if (!verdict.allowed) {
        const retry_after = Number(verdict.retryAfter.toFixed(3));
        return {
          status: 429,
          body: { message: "You are being rate limited.", retry_after, global: false },
          headers,
        };
      }
    }
    const role = state.roles.get(roleId);
    if (!role || role.guildId !== guildId) throw RoleErrors.unknownRole();
    const member = state.member(guildId, userId);
    if (!member) throw Errors.unknownMember();
    const bot = core.config.botUserId;
    if (!has(basePermissions(state, guildId, bot), PermissionFlagsBits.ManageRoles)) {
      throw Errors.missingPermissions();
    }
    // Discord's role hierarchy: only roles strictly below the bot's highest role.
    if (
      role.id === guildId ||
      role.botId !== null ||
      role.position >= highestPosition(state, guildId, bot)
    ) {
      throw Errors.missingPermissions();
    }
    if (kind === "add" && !member.roles.includes(roleId)) member.roles.push(roleId);
    if (kind === "remove") member.roles = member.roles.filter((id) => id !== roleId);
    return { status: 204, headers };
  };
  const path = "/guilds/:guildId/members/:userId/roles/:roleId";
  return [route("PUT", path, change("add")), route("DELETE", path, change("remove"))];
}
