import { PermissionFlagsBits } from "discord.js";
import type { FakeState } from "./state.js";
import type { PermissionsInput } from "./types.js";

export const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((a, b) => a | b, 0n);

export const DEFAULT_BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** Permissions a DM interaction reports for the bot. */
export const DM_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis;

export function toBits(input: PermissionsInput): bigint {
  return typeof input === "bigint" ? input : BigInt(input);
}

/** Guild-level permissions, following Discord's documented algorithm. */
export function basePermissions(state: FakeState, guildId: string, userId: string): bigint {
  const guild = state.guild(guildId);
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = state.member(guildId, userId);
  let perms = state.role(guildId).permissions;
  for (const roleId of member?.roles ?? []) {
    perms |= state.roles.get(roleId)?.permissions ?? 0n;
  }
  return perms & PermissionFlagsBits.Administrator ? ALL_PERMISSIONS : perms;
}

/** Channel permissions with overwrites applied; threads use their parent's overwrites. */
export function channelPermissions(state: FakeState, channelId: string, userId: string): bigint {
  let channel = state.channel(channelId);
  if (channel.guildId === null) return DM_PERMISSIONS;
  if (isThread(channel.type) && channel.parentId) channel = state.channel(channel.parentId);
  const guildId = channel.guildId!;
  let perms = basePermissions(state, guildId, userId);
  if (perms === ALL_PERMISSIONS) return perms;
  const overwrites = channel.overwrites;
  const everyone = overwrites.find((o) => o.id === guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;
  const roles = new Set(state.member(guildId, userId)?.roles ?? []);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && roles.has(o.id)) {
      allow |= o.allow;
      deny |= o.deny;
    }
  }
  perms = (perms & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) perms = (perms & ~own.deny) | own.allow;
  return perms;
}

export function isThread(type: number): boolean {
  return type === 10 || type === 11 || type === 12;
}

export function has(perms: bigint, flag: bigint): boolean {
  return (perms & flag) === flag;
}
