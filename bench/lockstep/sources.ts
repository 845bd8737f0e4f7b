/**
 * FROZEN ON PURPOSE (benchmark only): part of the lockstep poller of merge-base 6dfab04 that
 * `npm run bench` compares the scheduler against (see bench/lockstep/poller.ts, bench/README.md).
 * Kept as it was, "cycle" wording and comments on the code of that day included: do not
 * refactor it, or the comparison no longer measures the old poller. Not used by the bot.
 */
/**
 * Sources: one (user, session) a cycle reads once, however many
 * subscriptions share it. Planning resolves accounts and active sessions;
 * polling applies the backoff and the ended-session rhythm, then fetches.
 */
import type { Logger } from "pino";
import type { Store, Subscription } from "../../src/store/types.js";
import { TrackerAuthError, TrackerRateLimitError } from "../../src/tracker/errors.js";
import {
  type HistoryItem,
  runningSessionIds,
  type TrackerClient,
} from "../../src/tracker/types.js";
import type { Backoff } from "../../src/util/backoff.js";
import { fetchFrom } from "../../src/feeds/historyDetect.js";
import { errorSummary } from "../../src/util/errorSummary.js";
import { fetchSourceItems } from "../../src/feeds/historyFetch.js";
import { mapLimit } from "../../src/util/limit.js";

export interface Source {
  key: string;
  userId: string;
  session: number;
  token: string;
  nick: string;
  subs: Subscription[];
  /** Running according to this cycle's active-session lookup: read every cycle. */
  knownActive: boolean;
  /** Followers read a session that just stopped being active one last time, for stragglers. */
  final: boolean;
}

export interface SessionInfo {
  ended: boolean;
  checkedAt: number;
  lastPolledAt: number | undefined;
}

export interface SourceContext {
  store: Store;
  tracker: TrackerClient;
  logger: Logger;
  now: () => Date;
  backoff: Backoff;
  concurrency: number;
  endedSessionIntervalMs: number;
  /** `${subscriptionId}:${session}` of followers whose old session got its last read. */
  finalPolled: Set<string>;
  sessionInfo: Map<string, SessionInfo>;
}

export interface CycleState {
  trackerRequests: number;
  /** Sources whose items were asked for this cycle. */
  sourcesPolled: number;
  /** Users whose token got a 401 this cycle: not asked again, paused afterwards. */
  authFailed: Set<string>;
  notLinked: Subscription[];
  /** `linkedAt` of each account used this cycle, to tell a re-link from the token that failed. */
  linkedAt: Map<string, string>;
}

/** A follower's old session that cannot be read (deleted?) must not hold it back for ever. */
const maxFinalReadFailures = 3;

export const sourceKey = (userId: string, session: number): string => `${userId}:${session}`;
export const activeLookupKey = (userId: string): string => `active:${userId}`;

/**
 * Records a failed tracker call: a 401 marks the user for pausing, anything
 * else starts or extends the key's backoff (warned once per streak).
 */
function trackerFailed(
  ctx: SourceContext,
  cycle: CycleState,
  key: string,
  userId: string,
  err: unknown,
  fields: Record<string, unknown>,
): void {
  if (err instanceof TrackerAuthError) {
    cycle.authFailed.add(userId);
    return;
  }
  const retryAfter = err instanceof TrackerRateLimitError ? err.retryAfterMs : undefined;
  const info = ctx.backoff.fail(key, ctx.now().getTime(), retryAfter);
  const log = { ...fields, userId, failures: info.failures, retryAt: new Date(info.retryAt) };
  if (info.first)
    ctx.logger.warn({ ...log, err: errorSummary(err) }, "tracker failing; backing off");
  else ctx.logger.debug({ ...log, err: errorSummary(err) }, "tracker still failing");
}

function trackerRecovered(ctx: SourceContext, key: string, fields: Record<string, unknown>): void {
  const streak = ctx.backoff.succeed(key);
  if (streak === undefined) return;
  const downMs = ctx.now().getTime() - streak.sinceMs;
  ctx.logger.info({ ...fields, failures: streak.failures, downMs }, "tracker recovered");
}

/** Persists a follower's move to a new session; undefined when the stored one changed meanwhile. */
async function switchSession(
  ctx: SourceContext,
  sub: Subscription,
  session: number,
): Promise<Subscription | undefined> {
  const next = await ctx.store.subscriptions.update(sub.id, (fresh) => {
    if (fresh.status !== "active" || fresh.session !== null) return undefined;
    if (fresh.currentSession !== sub.currentSession) return undefined;
    // A session that started after the subscription: all of it, START included, is new.
    return { ...fresh, currentSession: session, watermark: null, seenAtWatermark: [] };
  });
  if (next === undefined) return undefined;
  ctx.logger.info(
    { subscriptionId: sub.id, userId: sub.userId, from: sub.currentSession, to: session },
    "following the new active session",
  );
  return next;
}

/** A fixed subscription must poll its own session; repair one stored otherwise. */
async function ensureFixed(ctx: SourceContext, sub: Subscription): Promise<Subscription> {
  if (sub.session === null || sub.currentSession === sub.session) return sub;
  const next = await ctx.store.subscriptions.update(sub.id, (fresh) =>
    fresh.session === null ? undefined : { ...fresh, currentSession: fresh.session },
  );
  ctx.logger.warn({ subscriptionId: sub.id }, "repaired currentSession of a fixed subscription");
  return next ?? { ...sub, currentSession: sub.session };
}

export async function planSources(
  ctx: SourceContext,
  subs: readonly Subscription[],
  cycle: CycleState,
): Promise<Source[]> {
  const sources = new Map<string, Source>();
  const add = (
    sub: Subscription,
    session: number,
    token: string,
    nick: string,
    flags: { knownActive?: boolean; final?: boolean },
  ) => {
    const key = sourceKey(sub.userId, session);
    let source = sources.get(key);
    if (source === undefined) {
      source = {
        key,
        userId: sub.userId,
        session,
        token,
        nick,
        subs: [],
        knownActive: false,
        final: false,
      };
      sources.set(key, source);
    }
    source.subs.push(sub);
    source.knownActive ||= flags.knownActive ?? false;
    source.final ||= flags.final ?? false;
  };

  const byUser = new Map<string, Subscription[]>();
  for (const sub of subs) byUser.set(sub.userId, [...(byUser.get(sub.userId) ?? []), sub]);

  await mapLimit([...byUser], ctx.concurrency, async ([userId, userSubs]) => {
    try {
      const account = await ctx.store.accounts.get(userId);
      if (account === undefined) {
        cycle.notLinked.push(...userSubs);
        return;
      }
      cycle.linkedAt.set(userId, account.linkedAt);
      const { token, nick } = account;
      for (const sub of userSubs) {
        if (sub.session === null) continue;
        const fixed = await ensureFixed(ctx, sub);
        add(fixed, sub.session, token, nick, {});
      }
      const followers = userSubs.filter((sub) => sub.session === null);
      const lookupKey = activeLookupKey(userId);
      if (followers.length === 0 || !ctx.backoff.ready(lookupKey, ctx.now().getTime())) return;
      let running: number[];
      try {
        cycle.trackerRequests++;
        running = runningSessionIds((await ctx.tracker.sessions(token, { active: true })).items);
        trackerRecovered(ctx, lookupKey, { userId, lookup: "active-session" });
      } catch (err) {
        trackerFailed(ctx, cycle, lookupKey, userId, err, { lookup: "active-session" });
        return;
      }
      const newest = running[0];
      for (const sub of followers) {
        const current = sub.currentSession;
        if (current !== null && running.includes(current)) {
          add(sub, current, token, nick, { knownActive: true });
        } else if (
          current !== null &&
          !ctx.finalPolled.has(`${sub.id}:${current}`) &&
          ctx.backoff.failures(sourceKey(userId, current)) < maxFinalReadFailures
        ) {
          add(sub, current, token, nick, { final: true });
        } else if (newest !== undefined) {
          const switched = await switchSession(ctx, sub, newest);
          if (switched !== undefined) add(switched, newest, token, nick, { knownActive: true });
        }
      }
    } catch (err) {
      ctx.logger.error({ userId, err: errorSummary(err) }, "could not plan a user's sources");
    }
  });
  return [...sources.values()];
}

/** Whether an ended session is due its rare read; checks the session when its info is stale. */
async function due(ctx: SourceContext, cycle: CycleState, source: Source): Promise<boolean> {
  if (source.knownActive || source.final) return true;
  const nowMs = ctx.now().getTime();
  let info = ctx.sessionInfo.get(source.key);
  if (info === undefined || nowMs - info.checkedAt >= ctx.endedSessionIntervalMs) {
    cycle.trackerRequests++;
    const session = await ctx.tracker.session(source.token, source.session);
    const ended = !session.active || session.end !== null;
    // Just seen ending: one read right away for its last changes, then the rare rhythm.
    const lastPolledAt = ended && info?.ended !== true ? undefined : info?.lastPolledAt;
    info = { ended, checkedAt: nowMs, lastPolledAt };
    ctx.sessionInfo.set(source.key, info);
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
  try {
    if (!(await due(ctx, cycle, source))) return undefined;
    const from = fetchFrom(source.subs.map((sub) => sub.watermark));
    cycle.sourcesPolled++;
    const fetched = await fetchSourceItems(ctx.tracker, source.token, source.session, from, () => {
      cycle.trackerRequests++;
    });
    const info = ctx.sessionInfo.get(source.key);
    if (info !== undefined) info.lastPolledAt = nowMs;
    trackerRecovered(ctx, source.key, fields);
    return fetched.items;
  } catch (err) {
    trackerFailed(ctx, cycle, source.key, source.userId, err, fields);
    return undefined;
  }
}
