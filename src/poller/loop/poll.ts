/**
 * The fetch stage: one source's read, after the ended-session rhythm and its
 * backoff allow it (both answered by its schedule record). Every read (or
 * failed try) is reported to the schedule.
 * The source's feeds (src/feeds) are read in turn, each once for the subscriptions that read
 * it: the histories, then the game-rule changes when a subscription wants them; a failure of
 * either read fails the whole poll, so nothing advances and both are read again after the
 * backoff.
 */
import type { Feed, FeedRead, SessionHints } from "../../feeds/feed.js";
import { gamesFeed } from "../../feeds/games.js";
import { historiesFeed } from "../../feeds/histories.js";
import { type RequestReason, withRequestReason } from "../../tracker/reason.js";
import type { GameChange, HistoryItem } from "../../tracker/types.js";
import { activeLookupKey, type Source, type SourceContext, type TickState } from "./sources.js";
import { trackerFailed, trackerRecovered } from "../schedule/trackerHealth.js";

/** Whether an ended session is due its rare read; checks the session's state when due (hourly). */
async function due(
  ctx: SourceContext,
  cycle: TickState,
  source: Source,
  onRequest: () => void,
): Promise<boolean> {
  if (source.knownActive || source.final) return true;
  const nowMs = ctx.mono();
  if (ctx.schedule.stateCheckDue(source.key, nowMs)) {
    cycle.trackerRequests++;
    onRequest();
    const session = await withRequestReason(cycle.probe ? "probe" : "stateCheck", () =>
      ctx.tracker.session(source.token, source.session),
    );
    const ended = !session.active || session.end !== null;
    ctx.schedule.checked(source.key, nowMs, { ended, gamesChanges: session.hasGamesChanges });
  }
  return !ctx.schedule.endedWaits(source.key, nowMs);
}

export interface PolledSource {
  /** History items, oldest first. */
  items: HistoryItem[];
  /** Game-rule changes oldest first; undefined when no subscription of the source wanted them. */
  gameChanges: GameChange[] | undefined;
}

/** One feed's read for the source; undefined when none of its subscriptions reads the feed. */
async function readFeed<Item extends { happened: Date }>(
  ctx: SourceContext,
  feed: Feed<Item, unknown>,
  source: Source,
  hints: SessionHints | undefined,
  request: Omit<FeedRead, "from" | "token" | "session">,
): Promise<Item[] | undefined> {
  const readers = feed.readers(source.subs, hints);
  if (readers.length === 0) return undefined;
  const { token, session } = source;
  return feed.read(ctx.tracker, { ...request, token, session, from: feed.since(readers) });
}

/**
 * Why this read is made, for the request accounting: busy (read more often than the plan's
 * upper bound), quiet (held at it), base (enough budget for everyone), or a final, ended or
 * probe read.
 */
function requestReason(ctx: SourceContext, source: Source, cycle: TickState): RequestReason {
  if (cycle.probe) return "probe";
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
  cycle: TickState,
): Promise<PolledSource | undefined> {
  const nowMs = ctx.mono();
  if (cycle.authFailed.has(source.userId) || ctx.admission.of(source.key, nowMs).held)
    return undefined;
  const fields = { userId: source.userId, session: source.session };
  let requests = 0;
  try {
    // The hourly state check is planned as such (scheduleRecord.replan), not as part of every
    // read's cost: folded into the read's moving average it made a quiet source read every
    // minute look 20 % dearer for many reads after each check, and the plan starved the busy.
    if (!(await due(ctx, cycle, source, () => undefined))) return undefined;
    cycle.sourcesPolled++;
    const onRequest = () => {
      cycle.trackerRequests++;
      requests++;
    };
    const known = ctx.schedule.gamesChangesOf(source.key, activeLookupKey(source.userId));
    const hints = known === undefined ? undefined : { hasGamesChanges: known };
    const wide = ctx.schedule.explain(source.key)?.estimated === false;
    const { items, gameChanges } = await withRequestReason(
      requestReason(ctx, source, cycle),
      async () => ({
        items: (await readFeed(ctx, historiesFeed, source, hints, { onRequest, wide })) ?? [],
        gameChanges: await readFeed(ctx, gamesFeed, source, hints, { onRequest }),
      }),
    );
    ctx.schedule.polled(source.key, nowMs, { requests });
    const happened = [...items, ...(gameChanges ?? [])].map((i) => i.happened.getTime());
    ctx.schedule.observed(source.key, happened, ctx.wall().getTime());
    // A follower's session no longer running got its last read: the next tick may switch.
    if (!source.knownActive) {
      const followers = source.subs.filter((sub) => sub.session === null).map((sub) => sub.id);
      ctx.schedule.finalReadDone(source.key, followers);
    }
    trackerRecovered(ctx, source.key, fields);
    return { items, gameChanges };
  } catch (err) {
    ctx.schedule.polled(source.key, nowMs, { requests, ok: false });
    trackerFailed(ctx, cycle, source.key, source.userId, err, fields);
    return undefined;
  }
}
