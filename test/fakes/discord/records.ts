import type { APIMessage } from "discord.js";

/** The fake's stored entities (not wire shapes: see serialize.ts). */
export interface UserRecord {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
  dmsClosed: boolean;
}
export interface GuildRecord {
  id: string;
  name: string;
  ownerId: string;
  botRoleId: string;
  preferredLocale: string;
}
export interface RoleRecord {
  id: string;
  guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  botId: string | null;
}
export interface MemberRecord {
  guildId: string;
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
}
export interface OverwriteRecord {
  id: string;
  type: 0 | 1;
  allow: bigint;
  deny: bigint;
}
export interface ChannelRecord {
  id: string;
  type: number;
  guildId: string | null;
  name: string | null;
  parentId: string | null;
  topic: string | null;
  overwrites: OverwriteRecord[];
  position: number;
  /** The other user of a DM channel. */
  recipientId: string | null;
}
export interface MessageRecord {
  message: APIMessage;
  ephemeral: boolean;
  deleted: boolean;
}

/** What changed, for the gateway to dispatch to connected clients. */
export type StateEvent =
  | { type: "guildCreate"; guildId: string }
  | { type: "channelCreate" | "channelUpdate"; channelId: string }
  | { type: "roleCreate" | "roleUpdate"; roleId: string }
  | { type: "roleDelete"; guildId: string; roleId: string }
  | { type: "memberAdd" | "memberRemove"; guildId: string; userId: string };
