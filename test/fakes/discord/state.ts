import type { APIMessage } from "discord.js";
import { discordNow } from "./limits.js";
import { DEFAULT_BOT_PERMISSIONS, isThread, toBits } from "./permissions.js";
import type {
  ChannelRecord,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  OverwriteRecord,
  RoleRecord,
  StateEvent,
  UserRecord,
} from "./records.js";
import type {
  AddChannelInput,
  AddGuildInput,
  AddMemberInput,
  AddRoleInput,
  AddUserInput,
  OverwriteInput,
  PermissionsInput,
} from "./types.js";

export type * from "./records.js";

const DISCORD_EPOCH = 1_420_070_400_000n;

export class FakeState {
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly members = new Map<string, MemberRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly channelMessageIds = new Map<string, string[]>();
  onEvent: (event: StateEvent) => void = () => {};
  private increment = 0n;
  private listeners = new Set<() => void>();

  constructor(readonly botUserId: string) {}

  snowflake(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    return (
      ((BigInt(Math.floor(discordNow())) - DISCORD_EPOCH) << 22n) |
      (1n << 17n) |
      this.increment
    ).toString();
  }

  /** Wakes everything waiting on a condition (waitFor helpers). */
  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  guild(id: string): GuildRecord {
    return must(this.guilds.get(id), `unknown guild ${id}`);
  }
  channel(id: string): ChannelRecord {
    return must(this.channels.get(id), `unknown channel ${id}`);
  }
  user(id: string): UserRecord {
    return must(this.users.get(id), `unknown user ${id}`);
  }
  /** A role by id; with a guild id alone, its @everyone role. */
  role(id: string): RoleRecord {
    return must(this.roles.get(id), `unknown role ${id}`);
  }
  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.members.get(`${guildId}:${userId}`);
  }
  guildRoles(guildId: string): RoleRecord[] {
    return [...this.roles.values()].filter((r) => r.guildId === guildId);
  }
  guildMembers(guildId: string): MemberRecord[] {
    return [...this.members.values()].filter((m) => m.guildId === guildId);
  }
  guildChannels(guildId: string): ChannelRecord[] {
    return [...this.channels.values()].filter((c) => c.guildId === guildId);
  }

  addUser(input: AddUserInput = {}): string {
    const id = input.id ?? this.snowflake();
    const existing = this.users.get(id);
    this.users.set(id, {
      id,
      username: input.username ?? existing?.username ?? `user${id.slice(-6)}`,
      globalName: input.globalName ?? existing?.globalName ?? null,
      bot: input.bot ?? existing?.bot ?? false,
      dmsClosed: input.dmsClosed ?? existing?.dmsClosed ?? false,
    });
    return id;
  }

  addGuild(input: AddGuildInput = {}): string {
    const id = input.id ?? this.snowflake();
    if (this.guilds.has(id)) throw new Error(`guild ${id} exists already`);
    const ownerId = this.users.has(input.ownerId ?? "")
      ? input.ownerId!
      : this.addUser({ ...(input.ownerId ? { id: input.ownerId } : {}), username: "owner" });
    const botRoleId = this.snowflake();
    this.guilds.set(id, {
      id,
      name: input.name ?? `guild ${id.slice(-4)}`,
      ownerId,
      botRoleId,
      preferredLocale: input.preferredLocale ?? "en-US",
    });
    const everyone = toBits(input.everyonePermissions ?? 0n);
    this.roles.set(id, role(id, id, "@everyone", everyone, 0, null));
    const botPerms = toBits(input.botPermissions ?? DEFAULT_BOT_PERMISSIONS);
    const botName = this.user(this.botUserId).username;
    this.roles.set(botRoleId, role(botRoleId, id, botName, botPerms, 1, this.botUserId));
    this.putMember(id, this.botUserId, [botRoleId], null);
    this.putMember(id, ownerId, [], null);
    this.onEvent({ type: "guildCreate", guildId: id });
    return id;
  }

  addRole(guildId: string, input: AddRoleInput = {}): string {
    this.guild(guildId);
    const id = input.id ?? this.snowflake();
    const perms = toBits(input.permissions ?? 0n);
    const position = input.position ?? this.guildRoles(guildId).length;
    this.roles.set(
      id,
      role(id, guildId, input.name ?? `role ${id.slice(-4)}`, perms, position, null),
    );
    this.onEvent({ type: "roleCreate", roleId: id });
    return id;
  }

  /** Moves a role (Server Settings → Roles); other roles keep their positions. */
  setRolePosition(roleId: string, position: number): void {
    this.role(roleId).position = position;
    this.onEvent({ type: "roleUpdate", roleId });
  }

  /** Deletes a role and takes it from every member, as Discord does. */
  deleteRole(roleId: string): void {
    const { guildId } = this.role(roleId);
    if (roleId === guildId) throw new Error("fake discord: @everyone cannot be deleted");
    this.roles.delete(roleId);
    for (const member of this.guildMembers(guildId)) {
      member.roles = member.roles.filter((id) => id !== roleId);
    }
    this.onEvent({ type: "roleDelete", guildId, roleId });
  }

  /** The member leaves the guild (or is kicked). */
  removeMember(guildId: string, userId: string): void {
    this.members.delete(`${guildId}:${userId}`);
    this.onEvent({ type: "memberRemove", guildId, userId });
  }

  setRolePermissions(roleId: string, permissions: PermissionsInput): void {
    this.role(roleId).permissions = toBits(permissions);
    this.onEvent({ type: "roleUpdate", roleId });
  }

  addMember(guildId: string, input: AddMemberInput = {}): string {
    this.guild(guildId);
    const userId = this.addUser({
      ...(input.userId ? { id: input.userId } : {}),
      ...(input.username ? { username: input.username } : {}),
      ...(input.globalName ? { globalName: input.globalName } : {}),
    });
    for (const roleId of input.roles ?? []) this.role(roleId);
    this.putMember(guildId, userId, input.roles ?? [], input.nick ?? null);
    this.onEvent({ type: "memberAdd", guildId, userId });
    return userId;
  }

  addChannel(guildId: string, input: AddChannelInput = {}): string {
    this.guild(guildId);
    const id = input.id ?? this.snowflake();
    const type = input.type ?? 0;
    if (isThread(type) && !input.parentId) throw new Error("a thread needs parentId");
    if (input.parentId) this.channel(input.parentId);
    this.channels.set(id, {
      id,
      type,
      guildId,
      name: input.name ?? `channel-${id.slice(-4)}`,
      parentId: input.parentId ?? null,
      topic: input.topic ?? null,
      overwrites: (input.permissionOverwrites ?? []).map(toOverwrite),
      position: this.guildChannels(guildId).length,
      recipientId: null,
    });
    this.onEvent({ type: "channelCreate", channelId: id });
    return id;
  }

  setOverwrites(channelId: string, overwrites: OverwriteInput[]): void {
    this.channel(channelId).overwrites = overwrites.map(toOverwrite);
    this.onEvent({ type: "channelUpdate", channelId });
  }

  /** The bot's DM channel with a user, created on first use like POST /users/@me/channels. */
  dmChannel(userId: string): ChannelRecord {
    this.user(userId);
    const found = [...this.channels.values()].find((c) => c.type === 1 && c.recipientId === userId);
    if (found) return found;
    const id = this.snowflake();
    const channel: ChannelRecord = {
      ...{ id, type: 1, guildId: null, name: null, parentId: null, topic: null },
      ...{ overwrites: [], position: 0, recipientId: userId },
    };
    this.channels.set(id, channel);
    return channel;
  }

  storeMessage(message: APIMessage, ephemeral: boolean): MessageRecord {
    const record: MessageRecord = { message, ephemeral, deleted: false };
    this.messages.set(message.id, record);
    const ids = this.channelMessageIds.get(message.channel_id) ?? [];
    ids.push(message.id);
    this.channelMessageIds.set(message.channel_id, ids);
    return record;
  }

  /** Messages visible in a channel (not deleted, not ephemeral), oldest first. */
  channelMessages(channelId: string): APIMessage[] {
    return (this.channelMessageIds.get(channelId) ?? [])
      .map((id) => this.messages.get(id))
      .filter((r): r is MessageRecord => r !== undefined && !r.deleted && !r.ephemeral)
      .map((r) => r.message);
  }

  private putMember(guildId: string, userId: string, roles: string[], nick: string | null): void {
    const joinedAt = new Date().toISOString();
    this.members.set(`${guildId}:${userId}`, { guildId, userId, roles, nick, joinedAt });
  }
}

function role(
  id: string,
  guildId: string,
  name: string,
  permissions: bigint,
  position: number,
  botId: string | null,
): RoleRecord {
  return { id, guildId, name, permissions, position, botId };
}

function toOverwrite(input: OverwriteInput): OverwriteRecord {
  const type = input.type === "role" || input.type === 0 ? 0 : 1;
  return { id: input.id, type, allow: toBits(input.allow ?? 0n), deny: toBits(input.deny ?? 0n) };
}

function must<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new Error(`fake discord: ${message}`);
  return value;
}
