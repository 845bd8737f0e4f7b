/**
 * The fetch stage: one source's read, after the ended-session rhythm and its
 * backoff allow it (both answered by its schedule record). Every read (or
 * failed try) is reported to the schedule.
 * After the histories, the games feed is read once for the source when one of
 * its subscriptions wants it (wantsGamesPoll); a failure of either read fails
 * the whole poll, so nothing advances and both are read again after the backoff.
 */
import { gamesFetchFrom, gamesStateOf, wantsGamesPoll } from "../games/detect.js";
import { fetchGameChanges } from "../games/fetch.js";
import type { Subscription } from "../store/types.js";
import type { GameChange, HistoryItem } from "../tracker/types.js";
import { fetchFrom } from "./detect.js";
import { fetchSourceItems } from "./fetch.js";
import {
  activeLookupKey,
  type CycleState,
  type Source,
  type SourceContext,
  trackerFailed,
  trackerRecovered,
} from "./sources.js";

/** Whether an ended session is due its rare read; checks the session's state when due (hourly). */
async function due(
  ctx: SourceContext,
  cycle: CycleState,
  source: Source,
  onRequest: () => void,
): Promise<boolean> {
  if (source.knownActive || source.final) return true;
  const nowMs = ctx.mono();
  if (ctx.schedule.stateCheckDue(source.key, nowMs)) {
    cycle.trackerRequests++;
    onRequest();
    const session = await ctx.tracker.session(source.token, source.session);
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

/** The subscriptions whose games feed is read this poll (`known`: the session's has_games_changes). */
export function gamesSubs(subs: readonly Subscription[], known: boolean | undefined) {
  const session = known === undefined ? undefined : { hasGamesChanges: known };
  return subs.filter((sub) => wantsGamesPoll(sub, session));
}

/** The source's reads, or undefined when it was skipped or failed. */
export async function pollSource(
  ctx: SourceContext,
  source: Source,
  cycle: CycleState,
): Promise<PolledSource | undefined> {
  const nowMs = ctx.mono();
  if (
    cycle.authFailed.has(source.userId) ||
    !ctx.schedule.ready(source.key, nowMs) ||
    ctx.breaker.holds(nowMs)
  )
    return undefined;
  const fields = { userId: source.userId, session: source.session };
  let requests = 0;
  try {
    // The state check costs a request too: the schedule plans with what a poll really costs.
    if (!(await due(ctx, cycle, source, () => requests++))) return undefined;
    const from = fetchFrom(source.subs.map((sub) => sub.watermark));
    cycle.sourcesPolled++;
    const onRequest = () => {
      cycle.trackerRequests++;
      requests++;
    };
    const fetched = await fetchSourceItems(
      ctx.tracker,
      source.token,
      source.session,
      from,
      onRequest,
      ctx.schedule.explain(source.key)?.estimated === false,
    );
    const known = ctx.schedule.gamesChangesOf(source.key, activeLookupKey(source.userId));
    const wanting = gamesSubs(source.subs, known);
    const gameChanges =
      wanting.length === 0
        ? undefined
        : await fetchGameChanges(
            ctx.tracker,
            source.token,
            source.session,
            gamesFetchFrom(wanting.map((sub) => gamesStateOf(sub).gamesWatermark)),
            onRequest,
          );
    ctx.schedule.polled(source.key, nowMs, { requests });
    const happened = [...fetched.items, ...(gameChanges ?? [])].map((i) => i.happened.getTime());
    ctx.schedule.observed(source.key, happened, ctx.now().getTime());
    // A follower's session no longer running got its last read: the next tick may switch.
    if (!source.knownActive) {
      const followers = source.subs.filter((sub) => sub.session === null).map((sub) => sub.id);
      ctx.schedule.finalReadDone(source.key, followers);
    }
    trackerRecovered(ctx, source.key, fields);
    return { items: fetched.items, gameChanges };
  } catch (err) {
    ctx.schedule.polled(source.key, nowMs, { requests, ok: false });
    trackerFailed(ctx, cycle, source.key, source.userId, err, fields);
    return undefined;
  }
}
