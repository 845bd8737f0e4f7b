/**
 * Sends a channel's pending outbox entries in order. Progress is stored
 * after every accepted message; the advances are applied and the entry
 * deleted only after the last one. A channel-fatal Discord error pauses every
 * subscription of the channel and keeps its entries where they stopped: once
 * `/subscribe` resumes one, they go out from the first message Discord did not
 * take (never repeating one it took), then the watermarks move.
 */
import type { Logger } from "pino";
import type { AnyFeed } from "../../feeds/feed.js";
import type { OutboxEntry, PauseReason, Store } from "../../store/types.js";
import type { Backoff } from "../../util/backoff.js";
import { errorSummary } from "../../util/errorSummary.js";
import { classifyDeliveryError, type DeliveryFailure } from "./errors.js";
import { notifyOwners, pauseSubscriptions } from "../pause/notices.js";
import type { NonceWarning } from "./nonceWarning.js";
import { applyAdvance } from "../outbox/outbox.js";

export type Deliver = (channelId: string, body: Record<string, unknown>) => Promise<{ id: string }>;

export interface PollerMetrics {
  pollCycle?(ms: number): void;
  itemsDelivered?(count: number): void;
  deliveryFailed?(reason: string): void;
}

export interface DeliveryTally {
  messagesSent: number;
  itemsDelivered: number;
  paused: string[];
}

export interface ChannelSenderDeps {
  store: Store;
  deliver: Deliver;
  notifyUser: (userId: string, text: string) => Promise<void>;
  logger: Logger;
  /** The wall clock: dates stored and sent. */
  wall: () => Date;
  /** The monotonic clock (ms), for the backoff. */
  mono: () => number;
  backoff: Backoff;
  metrics: PollerMetrics | undefined;
  /** Items per entry created by this process (entries read back after a restart count 0). */
  itemCounts: Map<string, number>;
  nonceWarning?: NonceWarning | undefined;
  /** The feeds whose states an entry's advances carry (outbox.ts applyAdvance). */
  feeds?: readonly AnyFeed[] | undefined;
}

export const channelKey = (channelId: string): string => `channel:${channelId}`;

export function createChannelSender(deps: ChannelSenderDeps) {
  const { store, logger } = deps;

  /** Undefined when the whole entry went out; the failure otherwise. */
  async function sendEntry(
    entry: OutboxEntry,
    tally: DeliveryTally,
  ): Promise<{ failure: DeliveryFailure; err: unknown } | undefined> {
    deps.nonceWarning?.seen(entry);
    let progress = entry;
    for (let index = entry.sent; index < entry.messages.length; index++) {
      const message = entry.messages[index]!;
      try {
        await deps.deliver(entry.channelId, message.body);
        deps.nonceWarning?.(entry, index, deps.wall());
        tally.messagesSent++;
      } catch (err) {
        const failure = classifyDeliveryError(err);
        if (failure.kind !== "rejected") return { failure, err };
        // The same body would be refused forever: skip it rather than block the channel.
        logger.error(
          { channelId: entry.channelId, entryId: entry.id, index, err: errorSummary(err) },
          "Discord refused a message body; skipping that message",
        );
        deps.metrics?.deliveryFailed?.("rejected");
      }
      progress = { ...progress, sent: index + 1 };
      await store.outbox.put(progress);
    }
    const postedAt = deps.wall();
    for (const advance of entry.advances) {
      try {
        const applied = await applyAdvance(store, advance, postedAt, deps.feeds);
        if (!applied) {
          logger.debug({ subscriptionId: advance.subscriptionId }, "advance skipped: moved on");
        }
      } catch (err) {
        logger.error(
          { subscriptionId: advance.subscriptionId, err: errorSummary(err) },
          "could not store a subscription's progress",
        );
      }
    }
    await store.outbox.delete(entry.id);
    const items = deps.itemCounts.get(entry.id) ?? 0;
    deps.itemCounts.delete(entry.id);
    tally.itemsDelivered += items;
    deps.metrics?.itemsDelivered?.(items);
    return undefined;
  }

  async function pauseChannel(
    channelId: string,
    reason: PauseReason,
    tally: DeliveryTally,
  ): Promise<void> {
    deps.backoff.succeed(channelKey(channelId));
    const inChannel = (await store.subscriptions.list()).filter((s) => s.channelId === channelId);
    const paused = await pauseSubscriptions(
      store,
      inChannel.map((s) => s.id),
      reason,
      deps.wall(),
    );
    tally.paused.push(...paused.map((s) => s.id));
    logger.warn(
      { channelId, reason, subscriptions: paused.length },
      "cannot post in channel; subscriptions paused, pending posts kept",
    );
    await notifyOwners(paused, reason, deps.notifyUser, logger, channelId, store.locales);
  }

  /** Sends `entries` (one channel's, oldest first) until one fails. */
  async function deliverChannel(
    channelId: string,
    entries: readonly OutboxEntry[],
    tally: DeliveryTally,
  ): Promise<void> {
    const key = channelKey(channelId);
    for (const entry of entries) {
      let result: Awaited<ReturnType<typeof sendEntry>>;
      try {
        result = await sendEntry(entry, tally);
      } catch (err) {
        // The store failed between sends: the entry stays, its nonces make a resend harmless.
        result = { failure: { kind: "transient" }, err };
      }
      if (result === undefined) {
        const streak = deps.backoff.succeed(key);
        if (streak !== undefined) {
          logger.info({ channelId, failures: streak.failures }, "channel delivery recovered");
        }
        continue;
      }
      const { failure, err } = result;
      if (failure.kind === "channel-fatal") {
        deps.metrics?.deliveryFailed?.(failure.reason);
        await pauseChannel(channelId, failure.reason, tally);
        return;
      }
      deps.metrics?.deliveryFailed?.("transient");
      const info = deps.backoff.fail(key, deps.mono());
      const fields = { channelId, failures: info.failures, err: errorSummary(err) };
      if (info.first) logger.warn(fields, "channel delivery failed; will retry");
      else logger.debug(fields, "channel delivery failed again");
      return;
    }
  }

  return { deliverChannel };
}

export type ChannelSender = ReturnType<typeof createChannelSender>;
