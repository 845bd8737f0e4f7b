import type { APIApplicationCommand, APIMessage } from "discord.js";
import type { InteractionHandle } from "./handle.js";
import type { Interactor } from "./interactions.js";
import type {
  AddChannelInput,
  AddMemberInput,
  AddRoleInput,
  AddUserInput,
  DiscordErrorSpec,
  GuildSeed,
  OverwriteInput,
  PermissionsInput,
  RecordedRequest,
  RequestMatcher,
} from "./types.js";

/** What `startFakeDiscord` resolves to. */
export interface FakeCommands {
  readonly global: APIApplicationCommand[];
  guild(guildId: string): APIApplicationCommand[];
  /** Successful bulk overwrites (PUT), global and guild together. */
  readonly puts: number;
}

export interface FakeDiscord {
  /** Pass as `rest: { api }` to the discord.js Client or REST. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly botToken: string;
  readonly applicationId: string;
  readonly botUserId: string;
  addUser(input?: AddUserInput): string;
  /** Adds a guild (with @everyone, the bot's role and member, the owner); GUILD_CREATE if logged in. */
  addGuild(input?: GuildSeed): string;
  addRole(guildId: string, input?: AddRoleInput): string;
  addMember(guildId: string, input?: AddMemberInput): string;
  addChannel(guildId: string, input?: AddChannelInput): string;
  /** Sets the permissions of the bot's managed role in a guild. */
  setBotPermissions(guildId: string, permissions: PermissionsInput): void;
  setRolePermissions(roleId: string, permissions: PermissionsInput): void;
  /** Moves a role; Discord lets the bot manage only roles below its highest one. */
  setRolePosition(roleId: string, position: number): void;
  /** Deletes a role (GUILD_ROLE_DELETE) and takes it from every member. */
  deleteRole(roleId: string): void;
  /** The member leaves; member routes then answer 10007. */
  removeMember(guildId: string, userId: string): void;
  /** A member's role ids now (empty when not a member). */
  memberRoles(guildId: string, userId: string): string[];
  /** The bot's managed role in a guild. */
  botRoleId(guildId: string): string;
  /** 429 answers given by the per-guild member-role rate limit. */
  readonly roleRateLimitHits: number;
  setPermissionOverwrites(channelId: string, overwrites: OverwriteInput[]): void;
  setDmsClosed(userId: string, closed: boolean): void;
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Messages visible in a channel (DM channels included), oldest first, current state. */
  messages(channelId: string): APIMessage[];
  /** Any stored message by id (ephemeral ones included). */
  message(messageId: string): APIMessage | undefined;
  /** Deletes a message as a member or moderator would (the bot is not told). */
  deleteMessage(messageId: string): void;
  /** Messages in the bot's DM channel with a user. */
  dmsTo(userId: string): APIMessage[];
  readonly commands: FakeCommands;
  /** Persistent error for message POSTs to a channel; null clears it. */
  failChannel(channelId: string, error: DiscordErrorSpec | null): void;
  /** Answers the next `times` requests matching with the error instead of handling them. */
  failNext(matcher: RequestMatcher, error: DiscordErrorSpec, times?: number): void;
  /** 429 answers given by the per-channel message rate limit. */
  readonly rateLimitHits: number;
  /** Discord down as a whole: REST answers 503, the gateway drops and refuses connections. */
  readonly outage: {
    readonly on: boolean;
    start(): void;
    end(): void;
    /** Handles the next matching request but drops its answer (then calls `then`). */
    loseNextAnswer(matcher: RequestMatcher, then?: () => void): void;
  };
  readonly interact: Interactor;
  readonly interactions: InteractionHandle[];
  readonly gateway: {
    /** Open, identified gateway connections. */
    readonly connected: number;
    /** Drops every connection with a close code; the client resumes (4000) or not. */
    disconnect(code?: number): void;
    dispatch(event: string, data: unknown): void;
    readonly identifies: Record<string, unknown>[];
  };
  /** Resolves once `predicate()` holds; re-checked after every request and state change. */
  waitFor(predicate: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  /** Resolves with the channel's messages once there are at least `count`. */
  waitForMessages(channelId: string, count: number, timeoutMs?: number): Promise<APIMessage[]>;
  close(): Promise<void>;
}
