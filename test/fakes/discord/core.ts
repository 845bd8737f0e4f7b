import type { IncomingMessage } from "node:http";
import type { CommandStore } from "./commands.js";
import type { InteractionRegistry } from "./handle.js";
import type { ChannelRateLimiter, Faults, NonceCache } from "./limits.js";
import type { Outage } from "./outage.js";
import type { FakeState } from "./state.js";
import type { RecordedFile, RecordedRequest } from "./types.js";

export interface FakeConfig {
  botToken: string;
  applicationId: string;
  botUserId: string;
  interactionDeadlineMs: number;
  heartbeatIntervalMs: number;
  /** Recommended shard count (GET /gateway/bot). */
  shards: number;
  enforcePermissions: boolean;
  /** Validate request bodies against Discord's OpenAPI description (openapi.ts). */
  validateSpec: boolean;
}

/** Everything the route handlers and the gateway share. */
export interface FakeCore {
  config: FakeConfig;
  state: FakeState;
  commands: CommandStore;
  interactions: InteractionRegistry;
  limiter: ChannelRateLimiter | null;
  nonces: NonceCache;
  faults: Faults;
  outage: Outage;
  requests: RecordedRequest[];
  /** Sends a dispatch to identified gateway sessions that asked for `intent` (0n: everyone). */
  dispatch(event: string, data: unknown, intent?: bigint): void;
  urls: { api: string; gateway: string };
  /** Per-guild limit of member role changes; null: none. */
  roleLimiter?: ChannelRateLimiter | null;
}

export interface RouteContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: RecordedFile[];
  record: RecordedRequest;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** Extra answer headers (rate-limit headers of the role routes). */
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  pattern: RegExp;
  /** Requires `Authorization: Bot <token>`. */
  auth: boolean;
  /** Message POSTs to a channel: rate limited and subject to failChannel. */
  channelMessages?: boolean;
  handle(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

/** Builds a route from a path template such as `/channels/:channelId/messages`. */
export function route(
  method: string,
  template: string,
  handle: Route["handle"],
  extra: { auth?: boolean; channelMessages?: boolean } = {},
): Route {
  const source = template
    .split("/")
    .map((part) => (part.startsWith(":") ? `(?<${part.slice(1)}>[^/]+)` : escapeRegExp(part)))
    .join("/");
  return {
    method,
    pattern: new RegExp(`^${source}$`),
    auth: extra.auth ?? true,
    ...(extra.channelMessages ? { channelMessages: true } : {}),
    handle,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export const ok = (body?: unknown): RouteResult => ({
  status: body === undefined ? 204 : 200,
  body,
});

export const Intents = {
  guilds: 1n << 0n,
  guildMembers: 1n << 1n,
  guildMessages: 1n << 9n,
  directMessages: 1n << 12n,
};
