import { ApiError } from "./http.js";
import type { DiscordErrorSpec, RecordedRequest, RequestMatcher } from "./types.js";

/**
 * Discord's own clock, in epoch ms: it does not step when the bot's machine's wall clock does
 * (a test that fakes Date to step it must not step Discord's rate-limit windows with it).
 */
export const discordNow = (): number => performance.timeOrigin + performance.now();

export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until the bucket resets (the 429 body's retry_after). */
  retryAfter: number;
}

/**
 * Fixed-window bucket per channel, like Discord's message route: the window opens with the
 * first POST and every answer carries the x-ratelimit-* headers discord.js schedules by.
 */
export class ChannelRateLimiter {
  private readonly buckets = new Map<string, { resetAt: number; used: number }>();
  hits = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  take(channelId: string): RateLimitVerdict {
    const now = discordNow();
    let bucket = this.buckets.get(channelId);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { resetAt: now + this.windowMs, used: 0 };
      this.buckets.set(channelId, bucket);
    }
    const allowed = bucket.used < this.limit;
    if (allowed) bucket.used++;
    else this.hits++;
    const retryAfter = (bucket.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(this.limit - bucket.used),
      "x-ratelimit-reset": (bucket.resetAt / 1000).toFixed(3),
      "x-ratelimit-reset-after": retryAfter.toFixed(3),
      "x-ratelimit-bucket": "80c17d2f203122d936070c88c8d10f33",
    };
    if (!allowed) {
      headers["retry-after"] = String(Math.ceil(retryAfter));
      headers["x-ratelimit-scope"] = "user";
    }
    return { allowed, headers, retryAfter };
  }
}

/** Remembers enforced nonces per channel for a while, as Discord does. */
export class NonceCache {
  private readonly seen = new Map<string, { messageId: string; at: number }>();

  constructor(private readonly windowMs: number) {}

  find(channelId: string, nonce: string | number): string | undefined {
    const hit = this.seen.get(`${channelId}:${nonce}`);
    return hit && discordNow() - hit.at <= this.windowMs ? hit.messageId : undefined;
  }

  remember(channelId: string, nonce: string | number, messageId: string): void {
    this.seen.set(`${channelId}:${nonce}`, { messageId, at: discordNow() });
  }
}

interface PendingFailure {
  matcher: RequestMatcher;
  error: DiscordErrorSpec;
  remaining: number;
}

/** Injected errors: one-shot (`failNext`) and persistent per channel (`failChannel`). */
export class Faults {
  private readonly pending: PendingFailure[] = [];
  private readonly channels = new Map<string, DiscordErrorSpec>();

  failNext(matcher: RequestMatcher, error: DiscordErrorSpec, times = 1): void {
    this.pending.push({ matcher, error, remaining: times });
  }

  failChannel(channelId: string, error: DiscordErrorSpec | null): void {
    if (error) this.channels.set(channelId, error);
    else this.channels.delete(channelId);
  }

  /** The error to answer instead of handling the request, if any. */
  check(request: RecordedRequest, messageChannelId: string | null): ApiError | undefined {
    const index = this.pending.findIndex((p) => matches(p.matcher, request));
    const hit = this.pending[index];
    if (hit) {
      hit.remaining--;
      if (hit.remaining <= 0) this.pending.splice(index, 1);
      return ApiError.from(hit.error);
    }
    const channelError =
      request.method === "POST" && messageChannelId
        ? this.channels.get(messageChannelId)
        : undefined;
    return channelError ? ApiError.from(channelError) : undefined;
  }
}

export function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === "function") return matcher(request);
  if (matcher.method && matcher.method.toUpperCase() !== request.method) return false;
  return typeof matcher.path === "string"
    ? request.path === matcher.path
    : matcher.path.test(request.path);
}
