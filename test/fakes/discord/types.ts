/** Public input and record types of the fake Discord. */

/** Permissions as Discord sends them (decimal string) or as bits. */
export type PermissionsInput = bigint | string | number;

export interface AddUserInput {
  id?: string;
  username?: string;
  globalName?: string;
  bot?: boolean;
  /** Posting into this user's DM channel then fails with 50007, as with DMs turned off. */
  dmsClosed?: boolean;
}

export interface AddGuildInput {
  id?: string;
  name?: string;
  /** Owner user id; a member is created for it. Default: a fresh "owner" user. */
  ownerId?: string;
  /** Permissions of @everyone. Default 0, so the bot's own role decides what it may do. */
  everyonePermissions?: PermissionsInput;
  /** Permissions of the bot's managed role. Default: view, send, embed, attach, history... */
  botPermissions?: PermissionsInput;
  preferredLocale?: string;
}

export interface AddRoleInput {
  id?: string;
  name?: string;
  permissions?: PermissionsInput;
  position?: number;
}

export interface AddMemberInput {
  userId?: string;
  username?: string;
  globalName?: string;
  roles?: string[];
  nick?: string;
}

export interface OverwriteInput {
  /** Role id (the guild id for @everyone) or user id. */
  id: string;
  type: "role" | "member" | 0 | 1;
  allow?: PermissionsInput;
  deny?: PermissionsInput;
}

export interface AddChannelInput {
  id?: string;
  name?: string;
  /** 0 text (default), 2 voice, 4 category, 5 announcement, 11 public thread, 12 private thread, 15 forum. */
  type?: number;
  /** Category for channels, the parent channel for threads (required for 11/12). */
  parentId?: string;
  topic?: string;
  permissionOverwrites?: OverwriteInput[];
}

export interface GuildSeed extends AddGuildInput {
  roles?: AddRoleInput[];
  members?: AddMemberInput[];
  channels?: AddChannelInput[];
}

/** A Discord error answer: `{ message, code }` with an HTTP status. */
export interface DiscordErrorSpec {
  status: number;
  code: number;
  message: string;
  /** Optional `errors` tree, as in a 50035 answer. */
  errors?: unknown;
  /**
   * A 429's wait in seconds: the body's `retry_after` and the headers Discord sends with it
   * (Retry-After, X-RateLimit-Remaining 0, X-RateLimit-Reset-After), which discord.js waits on.
   */
  retryAfter?: number;
}

export interface RecordedRequest {
  method: string;
  /** Decoded path after `/api/v10`, e.g. `/channels/1/messages` or `/webhooks/1/tok/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Parsed JSON (or `payload_json` of a multipart body); undefined without a body. */
  body: unknown;
  /** Files of a multipart body. */
  files: RecordedFile[];
  /** Raw Authorization header. */
  authorization: string | undefined;
  /** X-Audit-Log-Reason, decoded; undefined when not sent. */
  auditLogReason?: string | undefined;
  /** Discord's clock (epoch ms, `discordNow()`) at arrival. */
  at: number;
  /** HTTP status answered; null while the request is being handled. */
  status: number | null;
}

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
  /** The uploaded bytes, so tests can decode what was sent. */
  data: Buffer;
}

/** Matches requests for `failNext`: a method plus a path regex/string, or a predicate. */
export type RequestMatcher =
  | { method?: string; path: RegExp | string }
  | ((request: RecordedRequest) => boolean);

export interface RateLimitOptions {
  /** Message POSTs allowed per channel per window. Default 5. */
  limit?: number;
  /** Window length. Default 5000 ms. */
  windowMs?: number;
}

export interface FakeDiscordOptions {
  botToken?: string;
  applicationId?: string;
  botUserId?: string;
  botUsername?: string;
  guilds?: GuildSeed[];
  /** Deadline for the first interaction answer. Default 3000 ms, as on Discord. */
  interactionDeadlineMs?: number;
  /** Per-channel message rate limit, or false to disable. */
  rateLimit?: RateLimitOptions | false;
  /** How long a nonce with enforce_nonce is remembered. Default 5 minutes. */
  nonceWindowMs?: number;
  /** The shard count GET /gateway/bot recommends; each shard gets its guilds' events. Default 1. */
  shards?: number;
  /** Gateway heartbeat interval sent in HELLO. Default 41250 ms. */
  heartbeatIntervalMs?: number;
  /** Member role changes allowed per guild per window (default 10 per 1000 ms), or false. */
  roleRateLimit?: RateLimitOptions | false;
  /** Check the bot's channel permissions on message POSTs (50001/50013). Default true. */
  enforcePermissions?: boolean;
  /** Answer request bodies that break Discord's OpenAPI description with 400 50035. Default true. */
  validateSpec?: boolean;
}
