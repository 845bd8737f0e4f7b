/**
 * The fetch stage: one source's read, after the ended-session rhythm and its
 * backoff allow it (both answered by its schedule record). Every read (or
 * failed try) is reported to the schedule.
 * The source's feeds (src/feeds) are read in turn, each once for the subscriptions that read
 * it (none: not read); a failure of any read fails the whole poll, so nothing advances and
 * every feed is read again after the backoff.
 */
import type { AnyFeed, FeedRead, FeedReads, SessionHints } from "../../feeds/feed.js";
import { type RequestReason, withRequestReason } from "../../tracker/reason.js";
import { activeLookupKey, type Source, type SourceContext, type TickState } from "./sources.js";
import { trackerFailed, trackerRecovered } from "../schedule/trackerHealth.js";

/** Whether an ended session is due its rare read; checks the session's state when due (hourly). */
async function due(
  ctx: SourceContext,
  tick: TickState,
  source: Source,
  onRequest: () => void,
): Promise<boolean> {
  if (source.knownActive || source.final) return true;
  const nowMs = ctx.mono();
  if (ctx.schedule.stateCheckDue(source.key, nowMs)) {
    tick.trackerRequests++;
    onRequest();
    const session = await withRequestReason(tick.probe ? "probe" : "stateCheck", () =>
      ctx.tracker.session(source.token, source.session),
    );
    const ended = !session.active || session.end !== null;
    ctx.schedule.checked(source.key, nowMs, { ended, gamesChanges: session.hasGamesChanges });
  }
  return !ctx.schedule.endedWaits(source.key, nowMs);
}

export interface PolledSource {
  /** Each feed's items, oldest first; a feed none of the source's subscriptions reads is absent. */
  reads: FeedReads;
}

/** Every feed's read for the source, one after the other, by the feeds' order. */
async function readFeeds(
  ctx: SourceContext,
  source: Source,
  hints: SessionHints | undefined,
  request: Omit<FeedRead, "from" | "token" | "session">,
): Promise<FeedReads> {
  const reads = new Map<AnyFeed, readonly { happened: Date }[]>();
  const { token, session } = source;
  for (const feed of ctx.feeds) {
    const readers = feed.readers(source.subs, hints);
    if (readers.length === 0) continue;
    const from = feed.since(readers);
    reads.set(feed, await feed.read(ctx.tracker, { ...request, token, session, from }));
  }
  return reads;
}

/**
 * Why this read is made, for the request accounting: busy (read more often than the plan's
 * upper bound), quiet (held at it), base (enough budget for everyone), or a final, ended or
 * probe read.
 */
function requestReason(ctx: SourceContext, source: Source, tick: TickState): RequestReason {
  if (tick.probe) return "probe";
  if (source.final) return "final";
  const plan = ctx.schedule.explain(source.key);
  if (plan === undefined || plan.reason === "base") return "base";
  if (plan.reason === "ended") return "ended";
  return plan.intervalMs >= plan.upperBoundMs - 1 ? "quiet" : "busy";
}

/** The source's reads, or undefined when it was skipped or failed. */
export async function pollSource(
  ctx: SourceContext,
  source: Source,
  tick: TickState,
): Promise<PolledSource | undefined> {
  const nowMs = ctx.mono();
  if (tick.authFailed.has(source.userId) || ctx.admission.of(source.key, nowMs).held)
    return undefined;
  const fields = { userId: source.userId, session: source.session };
  let requests = 0;
  try {
    // The hourly state check is planned as such (scheduleRecord.replan), not as part of every
    // read's cost: folded into the read's moving average it made a quiet source read every
    // minute look 20 % dearer for many reads after each check, and the plan starved the busy.
    if (!(await due(ctx, tick, source, () => undefined))) return undefined;
    tick.sourcesPolled++;
    const onRequest = () => {
      tick.trackerRequests++;
      requests++;
    };
    const known = ctx.schedule.gamesChangesOf(source.key, activeLookupKey(source.userId));
    const hints = known === undefined ? undefined : { hasGamesChanges: known };
    const wide = ctx.schedule.explain(source.key)?.estimated === false;
    const reads = await withRequestReason(requestReason(ctx, source, tick), () =>
      readFeeds(ctx, source, hints, { onRequest, wide }),
    );
    ctx.schedule.polled(source.key, nowMs, { requests });
    const happened = [...reads.values()].flat().map((i) => i.happened.getTime());
    ctx.schedule.observed(source.key, happened, ctx.wall().getTime());
    // A follower's session no longer running got its last read: the next tick may switch.
    if (!source.knownActive) {
      const followers = source.subs.filter((sub) => sub.session === null).map((sub) => sub.id);
      ctx.schedule.finalReadDone(source.key, followers);
    }
    trackerRecovered(ctx, source.key, fields);
    return { reads };
  } catch (err) {
    ctx.schedule.polled(source.key, nowMs, { requests, ok: false });
    trackerFailed(ctx, tick, source.key, source.userId, err, fields);
    return undefined;
  }
}
