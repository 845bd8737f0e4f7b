/**
 * Sources: one (user, session) a tick reads once, however many subscriptions share it.
 * Planning (here) resolves accounts, looks up the active sessions of the members due a lookup,
 * gives a follower's session that stopped running its final read, then follows the member to
 * the new one; the read itself is poll.ts. Whether a source may be read now is the admission's
 * (schedule/admission.ts: its schedule record, the tracker's breaker, its channel); the record
 * keeps the rest (pending final reads, a member's last lookup). The stages share no state of
 * their own.
 */
import type { Logger } from "pino";
import type { AnyFeed } from "../../feeds/feed.js";
import type { Store, Subscription } from "../../store/types.js";
import type { Breaker } from "../../tracker/breaker.js";
import type { Admission } from "../schedule/admission.js";
import { withRequestReason } from "../../tracker/reason.js";
import { runningSessionIds, type TrackerClient } from "../../tracker/types.js";
import { errorSummary } from "../../util/errorSummary.js";
import { mapLimit } from "../../util/limit.js";
import type { Schedule } from "../schedule/schedule.js";
import { trackerFailed, trackerRecovered } from "../schedule/trackerHealth.js";

export interface Source {
  key: string;
  userId: string;
  session: number;
  token: string;
  nick: string;
  subs: Subscription[];
  /** Running according to this tick's active-session lookup: read every tick. */
  knownActive: boolean;
  /** Followers read a session that just stopped being active one last time, for stragglers. */
  final: boolean;
}

export interface SourceContext {
  store: Store;
  tracker: TrackerClient;
  logger: Logger;
  /** The wall clock: dates stored or shown. */
  wall: () => Date;
  /** The monotonic clock (ms): due times, backoffs, intervals. */
  mono: () => number;
  /** The tracker as one site: one outage, one backoff (tracker/breaker.ts); told every read's outcome. */
  breaker: Breaker;
  /** When a source may be read, and why (its record, the breaker, its channel): the reads ask it. */
  admission: Admission;
  concurrency: number;
  schedule: Schedule;
  /** The feeds read for every source (src/feeds/registry.ts, or a test's). */
  feeds: readonly AnyFeed[];
  /** Called after each successful active-session lookup (role sync listens). */
  onActiveSessions?:
    | ((userId: string, activeSessionIds: readonly number[]) => void | Promise<void>)
    | undefined;
}

export interface TickState {
  trackerRequests: number;
  /** Sources whose items were asked for this tick. */
  sourcesPolled: number;
  /** Users whose token got a 401 this tick: not asked again, paused afterwards. */
  authFailed: Set<string>;
  notLinked: Subscription[];
  /** `linkedAt` of each account used this tick, to tell a re-link from the token that failed. */
  linkedAt: Map<string, string>;
  /** This tick is the tracker's probe (the breaker is open): its requests count as "probe". */
  probe?: boolean;
}

/** A follower's old session that cannot be read (deleted?) must not hold it back for ever. */
const maxFinalReadFailures = 3;

/** What this tick plans: the due subscriptions, and members whose lookup is due. */
export interface PlanInput {
  subs: readonly Subscription[];
  /** Members whose active session is looked up now (followers due, or asked for by a hook). */
  lookups: ReadonlySet<string>;
}

export const sourceKey = (userId: string, session: number): string => `${userId}:${session}`;
export const activeLookupKey = (userId: string): string => `active:${userId}`;

/** Persists a follower's move to a new session; undefined when the stored one changed meanwhile. */
async function switchSession(
  ctx: SourceContext,
  sub: Subscription,
  session: number,
): Promise<Subscription | undefined> {
  const next = await ctx.store.subscriptions.update(sub.id, (fresh) => {
    if (fresh.status !== "active" || fresh.session !== null) return undefined;
    if (fresh.currentSession !== sub.currentSession) return undefined;
    // A session that started after the subscription: all of it, START included, is new, in
    // every feed the subscription reads.
    let next: Subscription = { ...fresh, currentSession: session };
    for (const feed of ctx.feeds) {
      if (feed.wants(fresh)) next = feed.storage.write(next, { watermark: null, seen: [] });
    }
    return next;
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
  input: PlanInput,
  tick: TickState,
): Promise<Source[]> {
  const sources = new Map<string, Source>();
  const add = (
    sub: Subscription,
    session: number,
    account: { token: string; nick: string },
    flags: { knownActive?: boolean; final?: boolean },
  ) => {
    const key = sourceKey(sub.userId, session);
    let source = sources.get(key);
    if (source === undefined) {
      source = {
        key,
        userId: sub.userId,
        session,
        ...account,
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
  for (const userId of input.lookups) byUser.set(userId, []);
  for (const sub of input.subs) {
    const userSubs = byUser.get(sub.userId);
    if (userSubs === undefined) byUser.set(sub.userId, [sub]);
    else userSubs.push(sub);
  }

  // One read for every member of this tick; when it fails each member is read (and fails) alone.
  const accounts = await ctx.store.accounts.getMany([...byUser.keys()]).catch(() => undefined);
  await mapLimit([...byUser], ctx.concurrency, async ([userId, userSubs]) => {
    try {
      const account = accounts ? accounts.get(userId) : await ctx.store.accounts.get(userId);
      if (account === undefined) {
        tick.notLinked.push(...userSubs);
        return;
      }
      tick.linkedAt.set(userId, account.linkedAt);
      for (const sub of userSubs) {
        if (sub.session === null) continue;
        add(await ensureFixed(ctx, sub), sub.session, account, {});
      }
      const running = input.lookups.has(userId)
        ? await lookUpActive(ctx, tick, userId, account.token)
        : ctx.schedule.runningOf(activeLookupKey(userId));
      if (running === undefined) return;
      const newest = running[0];
      for (const sub of userSubs.filter((s) => s.session === null)) {
        const current = sub.currentSession;
        if (current !== null && running.includes(current)) {
          add(sub, current, account, { knownActive: true });
        } else if (
          current !== null &&
          ctx.schedule.finalRead(
            sourceKey(userId, current),
            sub.id,
            ctx.mono(),
            maxFinalReadFailures,
          )
        ) {
          add(sub, current, account, { final: true });
        } else if (newest !== undefined) {
          const switched = await switchSession(ctx, sub, newest);
          if (switched !== undefined) add(switched, newest, account, { knownActive: true });
        }
      }
    } catch (err) {
      ctx.logger.error({ userId, err: errorSummary(err) }, "could not plan a user's sources");
    }
  });
  return [...sources.values()];
}

/** One sessions request for a member; undefined when it failed or waits out a backoff. */
async function lookUpActive(
  ctx: SourceContext,
  tick: TickState,
  userId: string,
  token: string,
): Promise<number[] | undefined> {
  const key = activeLookupKey(userId);
  const nowMs = ctx.mono();
  if (ctx.admission.of(key, nowMs).held) return undefined;
  let running: number[];
  let games: Map<string, boolean>;
  try {
    tick.trackerRequests++;
    const sessions = (
      await withRequestReason(tick.probe ? "probe" : "lookup", () =>
        ctx.tracker.sessions(token, { active: true }),
      )
    ).items;
    games = new Map(sessions.map((s) => [sourceKey(userId, s.id), s.hasGamesChanges]));
    running = runningSessionIds(sessions);
    trackerRecovered(ctx, key, { userId, lookup: "active-session" });
  } catch (err) {
    ctx.schedule.polled(key, nowMs, { requests: 1, ok: false });
    trackerFailed(ctx, tick, key, userId, err, { lookup: "active-session" });
    return undefined;
  }
  const before = ctx.schedule.lookedUp(key, { running, games });
  // A switch of the running sessions is this source's change (the first lookup is no switch).
  const switched = before !== undefined && before.running.join() !== running.join();
  ctx.schedule.polled(key, nowMs, { requests: 1 });
  ctx.schedule.observed(key, switched ? [ctx.wall().getTime()] : [], ctx.wall().getTime());
  try {
    await ctx.onActiveSessions?.(userId, running);
  } catch (err) {
    ctx.logger.error({ userId, err: errorSummary(err) }, "onActiveSessions hook failed");
  }
  return running;
}
