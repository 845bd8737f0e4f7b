/**
 * One tick of the poller, in the order data flows: resend what is pending,
 * what is due (due.ts; admission.ts: the tracker's breaker lets the tick go, or sends one probe,
 * or holds it), fetch (poll.ts), detect (gather.ts),
 * queue per channel and send (channels.ts). A channel with posts pending or
 * in flight takes no new posts this tick: its sources stay due (held: "channel
 * busy" in their schedule record) and are read again as soon as it is free, so
 * what arrived meanwhile goes out together in its next message.
 */
import type { Logger } from "pino";
import type { OutboxEntry, Store, Subscription } from "../../store/types.js";
import { isStoreWriteError } from "../../store/writeErrors.js";
import type { Backoff } from "../../util/backoff.js";
import { channelKey, type DeliveryTally } from "../sender/channels.js";
import { censusKeys, type DueInput, pickDue } from "../schedule/due.js";
import { errorSummary } from "../../util/errorSummary.js";
import { gatherChannelParts } from "./gather.js";
import { pauseAccounts } from "../pause/notices.js";
import { channelLocale, type PostLocale } from "../sender/locale.js";
import { createOutboxEntry } from "../outbox/outbox.js";
import { sortPending } from "../outbox/pending.js";
import { pollSource } from "./poll.js";
import { type OnSourceRead, reportReads } from "./readObserver.js";
import type { RateKeeper } from "../schedule/rateStore.js";
import { mapLimit } from "../../util/limit.js";
import { planSources, type SourceContext, type TickState } from "./sources.js";

export interface TickDeps {
  ctx: SourceContext;
  store: Store;
  logger: Logger;
  channelBackoff: Backoff;
  notifyUser: (userId: string, text: string) => Promise<void>;
  /** Channels with a delivery in flight. */
  inFlight: ReadonlyMap<string, Promise<void>>;
  launch(channelId: string, entries: OutboxEntry[], tally: DeliveryTally): Promise<void>;
  itemCounts: Map<string, number>;
  extraLookups: () => Promise<readonly string[]>;
  stopping: () => boolean;
  /** The language of a channel's posts (locale.ts); English when not given. */
  postLocale?: PostLocale | undefined;
  /** Reads the sources' change rates back after a start, and keeps them. */
  rates: RateKeeper;
  /** Told of every successful read (live cards, release announcements); wired in bot.ts. */
  onSourceRead?: OnSourceRead | undefined;
}

export interface TickOptions {
  force: boolean;
}

export function newTickState(): TickState {
  return {
    trackerRequests: 0,
    sourcesPolled: 0,
    authFailed: new Set(),
    notLinked: [],
    linkedAt: new Map(),
  };
}

/** Stage 0: pending outbox entries go out first; returns the channels that take nothing new. */
async function resendPending(
  deps: TickDeps,
  allSubs: readonly Subscription[],
  tally: DeliveryTally,
  launched: Promise<void>[],
): Promise<Set<string>> {
  const busy = new Set(deps.inFlight.keys());
  const pending = await sortPending(deps.store, allSubs, deps.logger, (id) =>
    deps.itemCounts.delete(id),
  );
  for (const channelId of pending.waiting) busy.add(channelId);
  const nowMs = deps.ctx.mono();
  for (const [channelId, entries] of pending.send) {
    if (busy.has(channelId)) continue;
    busy.add(channelId);
    if (deps.stopping() || !deps.channelBackoff.ready(channelKey(channelId), nowMs)) continue;
    launched.push(deps.launch(channelId, entries, tally));
  }
  return busy;
}

/** Stages 1-2: what is due, and its reads. */
async function dueAndFetch(
  deps: TickDeps,
  input: DueInput,
  state: TickState,
  options: TickOptions,
) {
  const { ctx } = deps;
  const nowMs = ctx.mono();
  // While the tracker is down as a whole nothing is read but one probe now and then.
  const gate = ctx.admission.tick(nowMs);
  if (gate === "wait") return [];
  // The probe is the most overdue source, due by its plan or not: the tracker's return must be
  // noticed at the probe's pace, not at the next planned read.
  const probe = gate === "probe";
  state.probe = probe;
  const picking = probe ? { force: false, limit: 1, probe } : options;
  const picked = pickDue(ctx.schedule, input, nowMs, picking);
  // The tick plans over the store's own objects (listShared): what is read on gets copies.
  const due = { ...picked, subs: picked.subs.map((sub) => structuredClone(sub)) };
  const planned = await planSources(ctx, due, state);
  // A session seen no longer running was made due by planning (its final read).
  const sources = planned.filter((s) => {
    if (options.force || probe) return true;
    const at = ctx.mono();
    return ctx.admission.of(s.key, at).at <= at;
  });
  return mapLimit(sources, ctx.concurrency, async (source) => ({
    source,
    polled: await pollSource(ctx, source, state),
  }));
}

/** Stage 3 is detection (gather.ts); stage 4: one outbox entry per channel, saved before it is handed to the sender. */
async function queueChannels(
  deps: TickDeps,
  byChannel: Awaited<ReturnType<typeof gatherChannelParts>>,
  subs: readonly Subscription[],
  tally: DeliveryTally,
  launched: Promise<void>[],
): Promise<void> {
  const byId = new Map(subs.map((sub) => [sub.id, sub]));
  for (const [channelId, parts] of byChannel) {
    if (deps.stopping()) break;
    try {
      const owner = byId.get(parts[0]?.subscriptionId ?? "");
      const locale = await channelLocale(deps.postLocale, owner, deps.logger);
      const { entry, itemCount } = createOutboxEntry(channelId, parts, deps.ctx.wall(), locale);
      await deps.store.outbox.put(entry);
      deps.itemCounts.set(entry.id, itemCount);
      launched.push(deps.launch(channelId, [entry], tally));
    } catch (err) {
      if (isStoreWriteError(err)) continue; // logged once per outage by the store's tracker
      deps.logger.error({ channelId, err: errorSummary(err) }, "could not queue a channel's posts");
    }
  }
}

/** Runs a tick; the returned promises are its deliveries (the loop does not wait for them). */
export async function runTick(
  deps: TickDeps,
  state: TickState,
  tally: DeliveryTally,
  options: TickOptions,
): Promise<Promise<void>[]> {
  const launched: Promise<void>[] = [];
  try {
    const allSubs =
      deps.store.subscriptions.listShared?.() ?? (await deps.store.subscriptions.list());
    const extra = await deps.extraLookups();
    const active = allSubs.filter((sub) => sub.status === "active");
    await deps.rates.load();
    deps.ctx.schedule.census(censusKeys(active, extra), deps.ctx.mono(), deps.ctx.wall().getTime());
    const busy = await resendPending(deps, allSubs, tally, launched);
    const fetched = await dueAndFetch(
      deps,
      { subs: active, busy, extraLookups: extra },
      state,
      options,
    );
    const paused = await pauseAccounts(
      deps.store,
      state,
      deps.notifyUser,
      deps.logger,
      deps.ctx.wall(),
    );
    tally.paused.push(...paused);
    await reportReads(deps.ctx, fetched, deps.onSourceRead, deps.logger);
    const byChannel = await gatherChannelParts(deps.ctx, fetched);
    await queueChannels(deps, byChannel, active, tally, launched);
    await deps.rates.save(deps.ctx.mono());
  } catch (err) {
    // Without the outbox or the subscription list nothing can be done safely this tick.
    deps.logger.error({ err: errorSummary(err) }, "poll tick failed");
  }
  return launched;
}
