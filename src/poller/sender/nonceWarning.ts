/**
 * Discord remembers a message's nonce for a few minutes only. A stored post
 * whose answer was lost and that goes out again after that may appear twice:
 * nothing can prevent it, but the admin should read why. Kept apart from the
 * sender so it stays one call there.
 *
 * The age is judged like every stored deadline (util/lastingDeadline.ts): an entry's window is
 * moved onto this run's monotonic clock when the run first sees the entry (`seen`, or at the
 * latest its first send), with what its stored wall date says is left (capped at the window);
 * after that a wall-clock step neither hides an old post nor makes a fresh one look old.
 */
import type { Logger } from "pino";
import { type Clock, systemClock } from "../../util/clock.js";
import type { OutboxEntry } from "../../store/types.js";
import { deadlineAfter, leftInThisRun } from "../../util/lastingDeadline.js";
import { createForgetter } from "../../util/forget.js";

/** Discord's nonce memory is "a few minutes"; past this a resend may post twice. */
export const defaultNonceWindowMs = 3 * 60_000;

export interface NonceWarning {
  /**
   * After Discord accepted message `index` of `entry`. `_now` (the caller's date) is not read:
   * the age comes from the clock, on its monotonic reading.
   */
  (entry: OutboxEntry, index: number, _now?: Date): void;
  /** Before the entry's first send in this run: its window starts counting on this run's clock. */
  seen(entry: OutboxEntry): void;
  /** Channels remembered (warned within the window): for tests. */
  tracked(): number;
}

export function createNonceWarning(
  logger: Logger,
  windowMs = defaultNonceWindowMs,
  clock: Clock = systemClock,
): NonceWarning {
  // Once per channel per window: the first resend after an outage is the one at risk.
  const warnedAt = new Map<string, number>();
  // A warning older than the window holds nothing back: forget it (channels come and go).
  const forget = createForgetter(warnedAt, (at, nowMs) => nowMs - at >= windowMs, windowMs);
  /** Milliseconds left of the entry's window; the first reading fixes it on this run's clock. */
  const left = (entry: OutboxEntry) => {
    // The outbox keeps no monotonic reading: its wall date is all any run has of it.
    const created = { run: "", mono: 0, wall: Date.parse(entry.createdAt) };
    return leftInThisRun(
      clock,
      `nonce:${entry.id}:${entry.createdAt}`,
      deadlineAfter(created, windowMs),
    );
  };
  const warn = (entry: OutboxEntry, index: number) => {
    forget(clock.now());
    // Only the first message not yet confirmed can have been posted without its answer.
    if (index !== entry.sent) return;
    const ageMs = windowMs - left(entry);
    if (!(ageMs > windowMs)) return;
    const last = warnedAt.get(entry.channelId);
    if (last !== undefined && clock.now() - last < windowMs) return;
    warnedAt.set(entry.channelId, clock.now());
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
  return Object.assign(warn, {
    seen: (entry: OutboxEntry) => void left(entry),
    tracked: () => warnedAt.size,
  });
}
