/**
 * The fetch stage: one source's read, after the ended-session rhythm and its
 * backoff allow it. Every read (or failed try) is reported to the schedule.
 * After the histories, the games feed is read once for the source when one of
 * its subscriptions wants it (wantsGamesPoll); a failure of either read fails
 * the whole poll, so nothing advances and both are read again after the backoff.
 */
import { gamesFetchFrom, gamesStateOf, wantsGamesPoll } from "../games/detect.js";
import { fetchGameChanges } from "../games/fetch.js";
import type { GameChange, HistoryItem } from "../tracker/types.js";
import { fetchFrom } from "./detect.js";
import { fetchSourceItems } from "./fetch.js";
import {
  type CycleState,
  type Source,
  type SourceContext,
  trackerFailed,
  trackerRecovered,
} from "./sources.js";

/** Whether an ended session is due its rare read; checks the session when its info is stale. */
async function due(
  ctx: SourceContext,
  cycle: CycleState,
  source: Source,
  onRequest: () => void,
): Promise<boolean> {
  if (source.knownActive || source.final) return true;
  const nowMs = ctx.mono();
  let info = ctx.sessionInfo.get(source.key);
  if (info === undefined || nowMs - info.checkedAt >= ctx.endedSessionIntervalMs) {
    cycle.trackerRequests++;
    onRequest();
    const session = await ctx.tracker.session(source.token, source.session);
    ctx.hasGamesChanges.set(source.key, session.hasGamesChanges);
    const ended = !session.active || session.end !== null;
    // Just seen ending: one read right away for its last changes, then the rare rhythm.
    const lastPolledAt = ended && info?.ended !== true ? undefined : info?.lastPolledAt;
    info = { ended, checkedAt: nowMs, lastPolledAt };
    ctx.sessionInfo.set(source.key, info);
    ctx.schedule.setEnded(source.key, ended);
  }
  return (
    !info.ended ||
    info.lastPolledAt === undefined ||
    nowMs - info.lastPolledAt >= ctx.endedSessionIntervalMs
  );
}

export interface PolledSource {
  /** History items, oldest first. */
  items: HistoryItem[];
  /** Game-rule changes oldest first; undefined when no subscription of the source wanted them. */
  gameChanges: GameChange[] | undefined;
}

/** The subscriptions of `source` whose games feed is read this poll. */
export function gamesSubs(ctx: SourceContext, source: Source) {
  const known = ctx.hasGamesChanges.get(source.key);
  const session = known === undefined ? undefined : { hasGamesChanges: known };
  return source.subs.filter((sub) => wantsGamesPoll(sub, session));
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
    const wanting = gamesSubs(ctx, source);
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
    const info = ctx.sessionInfo.get(source.key);
    if (info !== undefined) info.lastPolledAt = nowMs;
    trackerRecovered(ctx, source.key, fields);
    return { items: fetched.items, gameChanges };
  } catch (err) {
    ctx.schedule.polled(source.key, nowMs, { requests });
    trackerFailed(ctx, cycle, source.key, source.userId, err, fields);
    return undefined;
  }
}
