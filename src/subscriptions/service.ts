/**
 * `/subscribe`'s rules, apart from Discord: one subscription per target, session, filters and
 * extras (the same again resumes it), the member's and the server's limits for a new one,
 * resuming what of the member's was paused in that channel, and the seed (where the new
 * subscription starts: everything the tracker has now counts as handled).
 */
import type { Config } from "../config.js";
import { UserError } from "../discord/errors.js";
import type { Logger } from "../log.js";
import type { Subscription, SubscriptionFilters, SubscriptionStore } from "../store/types.js";
import type { TrackerClient } from "../tracker/types.js";
import { newSubscriptionId, resolveSession, sameFilters, startingStateFor } from "./start.js";
import type { ResolvedTarget } from "./target.js";

export interface SubscriptionServiceDeps {
  subscriptions: SubscriptionStore;
  tracker: TrackerClient;
  limits: Pick<Config, "MAX_SUBSCRIPTIONS_PER_USER" | "MAX_SUBSCRIPTIONS_PER_GUILD">;
  logger: Logger;
  /** The wall clock's date: `createdAt`. */
  wall: () => Date;
}

export interface SubscribeRequest {
  userId: string;
  /** The member's tracker token (their linked account). */
  token: string;
  target: ResolvedTarget;
  /** A fixed session, or null to follow whichever of the member's sessions is active. */
  session: number | null;
  filters: SubscriptionFilters;
  games: boolean;
  announceEnd: boolean;
}

export type SubscribeOutcome =
  | { kind: "alreadyActive"; subscription: Subscription }
  | {
      kind: "saved";
      subscription: Subscription;
      /** The same subscription existed, paused: it runs again. */
      resumed: boolean;
      /** Other paused subscriptions of the member in that channel, resumed with it. */
      resumedIds: string[];
      /** Following the active session, and none is active now. */
      noActiveSession: boolean;
    };

export function createSubscriptionService(deps: SubscriptionServiceDeps) {
  const { subscriptions: subs, tracker } = deps;

  async function subscribe(req: SubscribeRequest): Promise<SubscribeOutcome> {
    const mine = await subs.listByUser(req.userId);
    const same = mine.find((s) => isSame(s, req));
    if (same && same.status === "active") return { kind: "alreadyActive", subscription: same };
    // `/subscribe` again for a channel resumes whatever of the caller's was paused there.
    const paused = mine.filter(
      (s) => s.channelId === req.target.channelId && s.status === "paused",
    );
    if (!same) await checkLimits(mine, req.target);

    // Reading the newest page also proves the token works and the session is the caller's.
    const currentSession = await resolveSession(tracker, req.token, req.session);
    // Every registered feed the subscription wants starts from what the tracker has now.
    const start = await startingStateFor(tracker, req.token, currentSession, { games: req.games });
    const resumedIds: string[] = [];
    for (const p of paused) {
      if (p.id !== same?.id && (await resume(p.id))) resumedIds.push(p.id);
    }
    let subscription: Subscription;
    if (same) {
      subscription = (await resume(same.id)) ?? same;
    } else {
      subscription = {
        ...newSubscription(req, deps.wall().toISOString()),
        currentSession,
        ...start,
        ...(req.games && { games: req.games }),
        ...(req.announceEnd && { announceEnd: req.announceEnd, endAnnounced: null }),
      };
      await subs.put(subscription);
    }
    deps.logger.info(
      {
        userId: req.userId,
        guildId: req.target.guildId,
        channelId: req.target.channelId,
        subscriptionId: subscription.id,
        resumed: Boolean(same),
      },
      "subscription saved",
    );
    const noActiveSession = req.session === null && currentSession === null;
    return { kind: "saved", subscription, resumed: Boolean(same), resumedIds, noActiveSession };
  }

  /** A new subscription must fit the member's and the server's limits (resuming one always may). */
  async function checkLimits(mine: readonly Subscription[], target: ResolvedTarget) {
    const { limits } = deps;
    if (mine.length >= limits.MAX_SUBSCRIPTIONS_PER_USER) {
      throw new UserError({
        key: "subscriptions.memberLimit",
        vars: { count: mine.length, max: limits.MAX_SUBSCRIPTIONS_PER_USER },
      });
    }
    // A server's limit counts what posts into the server; a DM is the member's own.
    const inGuild =
      target.kind === "channel" && target.guildId ? await subs.listByGuild(target.guildId) : [];
    if (inGuild.length >= limits.MAX_SUBSCRIPTIONS_PER_GUILD) {
      throw new UserError({
        key: "subscriptions.guildLimit",
        vars: { count: inGuild.length, max: limits.MAX_SUBSCRIPTIONS_PER_GUILD },
      });
    }
  }

  /** Resuming touches the status only (atomically), so a delivery's progress is never undone. */
  function resume(id: string): Promise<Subscription | undefined> {
    return subs.update(id, (fresh) =>
      fresh.status === "paused"
        ? { ...fresh, status: "active", pausedReason: null, pausedAt: null }
        : undefined,
    );
  }

  return { subscribe };
}

/** The same target, session, filters and extras: asking again means this one. */
function isSame(s: Subscription, req: SubscribeRequest): boolean {
  return (
    s.channelId === req.target.channelId &&
    s.session === req.session &&
    sameFilters(s.filters, req.filters) &&
    (s.games ?? false) === req.games &&
    (s.announceEnd ?? false) === req.announceEnd
  );
}

/** The fields of a new, active subscription that do not depend on the tracker's answers. */
function newSubscription(req: SubscribeRequest, createdAt: string) {
  return {
    id: newSubscriptionId(),
    guildId: req.target.guildId,
    channelId: req.target.channelId,
    target: req.target.kind,
    userId: req.userId,
    session: req.session,
    filters: req.filters,
    createdAt,
    status: "active" as const,
    pausedReason: null,
    pausedAt: null,
    lastPostAt: null,
  };
}
