import type { Logger } from "pino";
import type { OutboxEntry, Store, Subscription } from "../../store/types.js";

/**
 * Pending entries by channel, oldest first, sorted into what to send now and
 * what waits. An entry none of whose subscriptions exist any more is dropped
 * (`/unsubscribe`, `/unlink`: no more posts). A channel whose subscriptions
 * are all paused waits for a resume instead of being retried.
 */
export async function sortPending(
  store: Store,
  subs: readonly Subscription[],
  logger: Logger,
  forget: (entryId: string) => void,
): Promise<{ send: Map<string, OutboxEntry[]>; waiting: Set<string> }> {
  const entries = (await store.outbox.list()).sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
  // Nothing pending (most ticks): no sets over every subscription.
  if (entries.length === 0) return { send: new Map(), waiting: new Set() };
  const existing = new Set(subs.map((s) => s.id));
  const activeChannels = new Set(subs.filter((s) => s.status === "active").map((s) => s.channelId));
  const send = new Map<string, OutboxEntry[]>();
  const waiting = new Set<string>();
  for (const entry of entries) {
    if (!entry.advances.some((a) => existing.has(a.subscriptionId))) {
      await store.outbox.delete(entry.id);
      forget(entry.id);
      logger.info(
        { channelId: entry.channelId, entryId: entry.id },
        "dropped pending posts of removed subscriptions",
      );
      continue;
    }
    if (!activeChannels.has(entry.channelId)) {
      waiting.add(entry.channelId);
      continue;
    }
    send.set(entry.channelId, [...(send.get(entry.channelId) ?? []), entry]);
  }
  for (const channelId of waiting) {
    // Entries of one channel go out in order: a waiting one holds back the later ones.
    if (send.has(channelId)) send.delete(channelId);
  }
  return { send, waiting };
}
