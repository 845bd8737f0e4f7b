import type {
  APIChannel,
  APIGuildMember,
  APIRole,
  APIUser,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from "discord.js";
import { isThread } from "./permissions.js";
import type { ChannelRecord, FakeState, MemberRecord, RoleRecord } from "./state.js";

/** Wire shapes of the fake's records, as Discord sends them over REST and the gateway. */
export function apiUser(state: FakeState, id: string): APIUser {
  const user = state.user(id);
  return {
    id: user.id,
    username: user.username,
    discriminator: "0",
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0 as UserFlags,
  };
}

export function apiRole(role: RoleRecord): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== null,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function apiMember(state: FakeState, member: MemberRecord): APIGuildMember {
  return {
    user: apiUser(state, member.userId),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A channel object; loosely typed because APIChannel is a union keyed on `type`. */
export function apiChannel(state: FakeState, channel: ChannelRecord): APIChannel {
  if (channel.guildId === null) {
    const recipients = channel.recipientId ? [apiUser(state, channel.recipientId)] : [];
    return {
      id: channel.id,
      type: 1,
      flags: 0,
      last_message_id: null,
      recipients,
    } as unknown as APIChannel;
  }
  const base: Record<string, unknown> = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    flags: 0,
    nsfw: false,
    last_message_id: lastMessageId(state, channel.id),
    rate_limit_per_user: 0,
  };
  if (isThread(channel.type)) {
    const guild = state.guild(channel.guildId);
    Object.assign(base, {
      owner_id: guild.ownerId,
      member_count: 1,
      message_count: 0,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        ...(channel.type === 12 ? { invitable: true } : {}),
      },
    });
  } else {
    Object.assign(base, {
      topic: channel.topic,
      permission_overwrites: channel.overwrites.map((o) => ({
        id: o.id,
        type: o.type,
        allow: o.allow.toString(),
        deny: o.deny.toString(),
      })),
    });
  }
  return base as unknown as APIChannel;
}

/** GUILD_CREATE payload with every field discord.js reads. */
export function apiGuildCreate(state: FakeState, guildId: string): Record<string, unknown> {
  const guild = state.guild(guildId);
  const channels = state.guildChannels(guildId);
  const members = state.guildMembers(guildId);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    premium_tier: 0,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    vanity_url_code: null,
    application_id: null,
    preferred_locale: guild.preferredLocale,
    max_members: 500000,
    max_video_channel_users: 25,
    features: [],
    roles: state.guildRoles(guildId).map(apiRole),
    emojis: [],
    stickers: [],
    joined_at: state.member(guildId, state.botUserId)?.joinedAt ?? new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members: members.map((m) => apiMember(state, m)),
    channels: channels.filter((c) => !isThread(c.type)).map((c) => apiChannel(state, c)),
    threads: channels.filter((c) => isThread(c.type)).map((c) => apiChannel(state, c)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    hub_type: null,
    incidents_data: null,
  };
}

function lastMessageId(state: FakeState, channelId: string): string | null {
  return state.channelMessageIds.get(channelId)?.at(-1) ?? null;
}
