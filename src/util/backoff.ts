/**
 * The one backoff arithmetic (backoffDelay: the tracker's retries, its breaker's probes, its
 * 429 pauses, the streaks below), and in-memory fault streaks per key: a Discord channel's
 * (createBackoff), a tracker source's (nextStreak, kept in its schedule record). A streak
 * starts at the first failure and ends at the next success, so callers log once per streak,
 * not per attempt.
 */

/** How one backoff grows: the one arithmetic every backoff of the bot uses (backoffDelay). */
export interface DelayOptions {
  /** Delay after the first failure; doubles per further failure. */
  baseMs: number;
  maxMs: number;
  /** 0 <= random() < 1, for jitter; without it the delay is exact. */
  random?: (() => number) | undefined;
  /**
   * "spread" (the default): +-15 % around the delay, never above `maxMs`; "equal": half the
   * delay fixed, half random.
   */
  jitter?: "spread" | "equal";
}

export interface BackoffOptions extends DelayOptions {
  random: () => number;
}

export interface FailureInfo {
  /** True for the failure that starts a streak (the one worth a warning). */
  first: boolean;
  failures: number;
  retryAt: number;
}

export interface Streak {
  failures: number;
  sinceMs: number;
}

export interface Backoff {
  /** False while `key` waits out its delay. */
  ready(key: string, nowMs: number): boolean;
  /** `cause` tags the streak, so all streaks of one cause can be forgiven at once. */
  fail(key: string, nowMs: number, retryAfterMs?: number, cause?: string): FailureInfo;
  /** Ends every streak whose last failure had this cause (the site came back). */
  forgive(cause: string): void;
  /** Ends a streak; returns it when there was one. */
  succeed(key: string): Streak | undefined;
  /** When `key` may be tried again, while it is in a streak. */
  retryAt(key: string): number | undefined;
  /** Failures of the current streak (0 outside one). */
  failures(key: string): number;
}

/** A server that asks for more than this gets this: a typo in Retry-After must not stop polling for days. */
export const maxRetryAfterMs = 60 * 60 * 1000;

/** The delay after the `failures`-th failure in a row: `baseMs` doubled per failure after the first, capped at `maxMs`, then jittered. */
export function backoffDelay(failures: number, options: DelayOptions): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  const { random } = options;
  if (random === undefined) return exponential;
  if (options.jitter === "equal") return Math.round(exponential / 2 + random() * (exponential / 2));
  // +-15 % so sources that failed together do not retry in lockstep.
  return Math.round(Math.min(options.maxMs, exponential * (0.85 + 0.3 * random())));
}

/** A streak with when it may be tried again and what caused its last failure. */
export type TaggedStreak = Streak & { retryAt: number; cause: string | undefined };

/** One more failure on top of `previous` (undefined: the first of a streak). */
export function nextStreak(
  previous: TaggedStreak | undefined,
  nowMs: number,
  options: BackoffOptions,
  retryAfterMs?: number,
  cause?: string,
): TaggedStreak {
  const failures = (previous?.failures ?? 0) + 1;
  let delay = backoffDelay(failures, options);
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) {
    delay = Math.max(delay, Math.min(retryAfterMs, maxRetryAfterMs));
  }
  return { failures, sinceMs: previous?.sinceMs ?? nowMs, retryAt: nowMs + delay, cause };
}

export function createBackoff(options: BackoffOptions): Backoff {
  const streaks = new Map<string, TaggedStreak>();
  return {
    ready(key, nowMs) {
      const streak = streaks.get(key);
      return streak === undefined || nowMs >= streak.retryAt;
    },
    fail(key, nowMs, retryAfterMs, cause) {
      const previous = streaks.get(key);
      const streak = nextStreak(previous, nowMs, options, retryAfterMs, cause);
      streaks.set(key, streak);
      return { first: previous === undefined, failures: streak.failures, retryAt: streak.retryAt };
    },
    succeed(key) {
      const streak = streaks.get(key);
      if (streak === undefined) return undefined;
      streaks.delete(key);
      return { failures: streak.failures, sinceMs: streak.sinceMs };
    },
    forgive(cause) {
      for (const [key, streak] of streaks) if (streak.cause === cause) streaks.delete(key);
    },
    retryAt(key) {
      return streaks.get(key)?.retryAt;
    },
    failures(key) {
      return streaks.get(key)?.failures ?? 0;
    },
  };
}
