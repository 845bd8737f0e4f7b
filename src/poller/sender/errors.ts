/**
 * What `deliver` throws. The Discord delivery (`discordDelivery` in src/startup/discord.ts,
 * wired in src/bot.ts) wraps discord.js REST errors into it, so the poller never depends on
 * discord.js: `code` is Discord's JSON error code, `status` the HTTP status. Anything else a
 * `deliver` throws counts as transient (try again later).
 */
import type { PauseReason } from "../../store/types.js";

export class DeliveryError extends Error {
  readonly code: number | undefined;
  readonly status: number | undefined;

  constructor(message: string, options: { code?: number; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DeliveryError";
    this.code = options.code;
    this.status = options.status;
  }
}

/** Discord JSON error codes after which no retry can succeed until a human fixes the channel. */
export const channelFatalCodes: Readonly<Record<number, PauseReason>> = {
  50013: "missing_permissions",
  50001: "missing_access",
  10003: "unknown_channel",
  // Archived (the bot may not reopen it) or locked thread: a moderator has to reopen it.
  50083: "thread_closed",
  160005: "thread_closed",
  // Posting into a member's DM: their DMs are closed to the bot, or no server is shared any more.
  50007: "dm_closed",
};

/** 50035 Invalid Form Body: this exact body will be refused every time it is sent. */
export const invalidFormBodyCode = 50035;

export type DeliveryFailure =
  | { kind: "channel-fatal"; reason: PauseReason }
  | { kind: "rejected" }
  | { kind: "transient" };

export function classifyDeliveryError(err: unknown): DeliveryFailure {
  if (!(err instanceof DeliveryError) || err.code === undefined) return { kind: "transient" };
  const reason = channelFatalCodes[err.code];
  if (reason !== undefined) return { kind: "channel-fatal", reason };
  if (err.code === invalidFormBodyCode) return { kind: "rejected" };
  return { kind: "transient" };
}
