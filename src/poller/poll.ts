/**
 * The fetch stage: one source's read, after the ended-session rhythm and its
 * backoff allow it. Every read (or failed try) is reported to the schedule.
 */
import type { HistoryItem } from "../tracker/types.js";
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
  const nowMs = ctx.now().getTime();
  let info = ctx.sessionInfo.get(source.key);
  if (info === undefined || nowMs - info.checkedAt >= ctx.endedSessionIntervalMs) {
    cycle.trackerRequests++;
    onRequest();
    const session = await ctx.tracker.session(source.token, source.session);
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

/** The source's items oldest first, or undefined when it was skipped or failed. */
export async function pollSource(
  ctx: SourceContext,
  source: Source,
  cycle: CycleState,
): Promise<HistoryItem[] | undefined> {
  const nowMs = ctx.now().getTime();
  if (cycle.authFailed.has(source.userId) || !ctx.backoff.ready(source.key, nowMs))
    return undefined;
  const fields = { userId: source.userId, session: source.session };
  let requests = 0;
  try {
    // The state check costs a request too: the schedule plans with what a poll really costs.
    if (!(await due(ctx, cycle, source, () => requests++))) return undefined;
    const from = fetchFrom(source.subs.map((sub) => sub.watermark));
    cycle.sourcesPolled++;
    const fetched = await fetchSourceItems(ctx.tracker, source.token, source.session, from, () => {
      cycle.trackerRequests++;
      requests++;
    });
    ctx.schedule.polled(source.key, nowMs, { changed: false, requests });
    const info = ctx.sessionInfo.get(source.key);
    if (info !== undefined) info.lastPolledAt = nowMs;
    trackerRecovered(ctx, source.key, fields);
    return fetched.items;
  } catch (err) {
    ctx.schedule.polled(source.key, nowMs, { changed: false, requests });
    trackerFailed(ctx, cycle, source.key, source.userId, err, fields);
    return undefined;
  }
}
