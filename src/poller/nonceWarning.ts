/**
 * Discord remembers a message's nonce for a few minutes only. A stored post
 * whose answer was lost and that goes out again after that may appear twice:
 * nothing can prevent it, but the admin should read why. Kept apart from the
 * sender so it stays one call there.
 */
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { OutboxEntry } from "../store/types.js";
import { createForgetter } from "../util/forget.js";

/** Discord's nonce memory is "a few minutes"; past this a resend may post twice. */
export const defaultNonceWindowMs = 3 * 60_000;

export type NonceWarning = ((entry: OutboxEntry, index: number, now: Date) => void) & {
  /** Channels remembered (warned within the window): for tests. */
  tracked(): number;
};

export function createNonceWarning(logger: Logger, windowMs = defaultNonceWindowMs): NonceWarning {
  // Once per channel per window: the first resend after an outage is the one at risk.
  const warnedAt = new Map<string, number>();
  // A warning older than the window holds nothing back: forget it (channels come and go).
  const forget = createForgetter(warnedAt, (at, nowMs) => nowMs - at >= windowMs, windowMs);
  const warn = (entry: OutboxEntry, index: number, now: Date) => {
    forget(performance.now());
    // Only the first message not yet confirmed can have been posted without its answer.
    if (index !== entry.sent) return;
    const ageMs = now.getTime() - Date.parse(entry.createdAt);
    if (!(ageMs > windowMs)) return;
    const last = warnedAt.get(entry.channelId);
    if (last !== undefined && performance.now() - last < windowMs) return;
    warnedAt.set(entry.channelId, performance.now());
    logger.warn(
      {
        channelId: entry.channelId,
        entryId: entry.id,
        ageSeconds: Math.round(ageMs / 1000),
        nonceWindowSeconds: Math.round(windowMs / 1000),
      },
      "re-sent a post older than Discord's nonce memory: if its first try reached Discord before the outage, it may appear twice in this channel",
    );
  };
  return Object.assign(warn, { tracked: () => warnedAt.size });
}
