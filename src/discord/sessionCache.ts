import { systemClock } from "../util/clock.js";
import { createForgetter } from "../util/forget.js";

export interface SessionCache {
  get<T>(userId: string, load: () => Promise<T>): Promise<T>;
  clear(userId: string): void;
  /** Members with an entry kept: for tests. */
  size(): number;
}

/**
 * A tiny TTL cache; in memory because it only saves tracker calls while typing. Expiry is
 * monotonic (`now`): a wall-clock step back must not keep a stale list for an hour.
 */
export function createSessionCache(
  ttlMs: number,
  now: () => number = systemClock.now,
): SessionCache {
  const entries = new Map<string, { value: unknown; expires: number }>();
  // Expired entries of members who never come back are dropped, not kept for the bot's life.
  const forget = createForgetter(entries, (hit, nowMs) => hit.expires <= nowMs, ttlMs);
  return {
    async get<T>(userId: string, load: () => Promise<T>): Promise<T> {
      forget(now());
      const hit = entries.get(userId);
      if (hit && hit.expires > now()) return hit.value as T;
      const value = await load();
      entries.set(userId, { value, expires: now() + ttlMs });
      return value;
    },
    clear(userId) {
      entries.delete(userId);
    },
    size: () => entries.size,
  };
}
