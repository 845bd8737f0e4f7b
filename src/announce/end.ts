/**
 * The release announced (`/subscribe announce_end:true`): when the poller's read of a session
 * says it ended, each announcing subscription of it gets one post "released after ..." with the
 * time added and removed in all. Exactly once: the post is saved in the outbox first (the poller
 * sends it with a nonce, like every post) and the subscription then records the session as
 * announced, so a restart neither loses it (the outbox) nor repeats it (the record; a crash
 * between the two writes re-saves the same entry, whose nonce Discord answers with the first).
 */
import type { PostLocale } from "../i18n/postLocale.js";
import type { Logger } from "../log.js";
import { messageNonce } from "../poller/outbox/outbox.js";
import type { SourceRead } from "../poller/loop/readObserver.js";
import type { OutboxEntry, Store, Subscription } from "../store/types.js";
import type { TrackerClient } from "../tracker/types.js";
import { errorSummary } from "../util/errorSummary.js";
import { announcementBody, type SessionTotals } from "./message.js";

export interface EndAnnouncerDeps {
  store: Store;
  tracker: TrackerClient;
  postLocale: PostLocale;
  logger: Logger;
  /** The wall clock's date: for what is stored or shown. */
  wall: () => Date;
}

/** The session's length and totals: one details read and its history, once per session end. */
async function totalsOf(tracker: TrackerClient, token: string, session: number) {
  const details = await tracker.session(token, session);
  const totals: SessionTotals = {
    start: details.start,
    end: details.end ?? undefined,
    added: 0,
    removed: 0,
  };
  for await (const item of tracker.iterateHistories(token, { session, limit: 200 })) {
    if (item.type === "START" || item.unit === null) continue;
    if (item.type === "ADD") totals.added += Math.abs(item.unit);
    else totals.removed += Math.abs(item.unit);
  }
  return totals;
}

export function createEndAnnouncer(deps: EndAnnouncerDeps) {
  const { store, logger } = deps;

  /** The subscriptions of this read that still owe an announcement of its session. */
  async function owing(read: SourceRead): Promise<Subscription[]> {
    const subs = await Promise.all(read.subscriptionIds.map((id) => store.subscriptions.get(id)));
    return subs.filter(
      (s): s is Subscription =>
        s !== undefined &&
        s.announceEnd === true &&
        s.status === "active" &&
        s.endAnnounced !== read.session,
    );
  }

  async function queue(sub: Subscription, session: number, totals: SessionTotals, nick: string) {
    const locale = await deps.postLocale(sub.target === "dm" ? null : sub.guildId, sub.userId);
    const nonce = messageNonce(sub.channelId, [`end:${sub.id}:${session}`], 0);
    const now = deps.wall();
    const entry: OutboxEntry = {
      // The same subscription and session always make the same entry: a re-save overwrites it.
      id: `${nonce}.${session.toString(36)}`,
      channelId: sub.channelId,
      messages: [
        {
          nonce,
          body: {
            ...announcementBody(nick, session, totals, now, locale),
            nonce,
            enforce_nonce: true,
          },
        },
      ],
      sent: 0,
      advances: [{ subscriptionId: sub.id, session }],
      createdAt: now.toISOString(),
    };
    await store.outbox.put(entry);
    await store.subscriptions.update(sub.id, (fresh) => ({ ...fresh, endAnnounced: session }));
    logger.info({ subscriptionId: sub.id, session }, "session end announcement queued");
  }

  return {
    async onSourceRead(read: SourceRead): Promise<void> {
      if (!read.ended) return;
      const subs = await owing(read);
      if (subs.length === 0) return;
      const account = await store.accounts.get(read.userId);
      if (account === undefined) return;
      let totals: SessionTotals;
      try {
        totals = await totalsOf(deps.tracker, account.token, read.session);
      } catch (err) {
        // Tried again at the session's next read (a follower's final read is retried too).
        logger.warn({ session: read.session, err: errorSummary(err) }, "could not read totals");
        return;
      }
      for (const sub of subs) await queue(sub, read.session, totals, account.nick);
    },
  };
}

export type EndAnnouncer = ReturnType<typeof createEndAnnouncer>;
