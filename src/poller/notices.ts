/**
 * Pausing subscriptions, and the one place that words what the owner is
 * told in a DM when the poller had to pause them.
 */
import type { Logger } from "pino";
import { t } from "../i18n/index.js";
import type { PauseReason, Store, Subscription } from "../store/types.js";
import { errorSummary } from "./errors.js";

export function pauseNotice(reason: PauseReason, channelId?: string): string {
  const channel = channelId === undefined ? "the channel" : `<#${channelId}>`;
  switch (reason) {
    case "token_invalid":
      return "Your Chastity Tracker API token no longer works (it was probably revoked or regenerated), so I paused your subscriptions. Create a new token on your tracker profile page and run `/link` with it: your subscriptions resume and nothing that happened meanwhile is lost.";
    case "not_linked":
      return "Your Chastity Tracker account is no longer linked, so I paused your subscriptions. Run `/link` with an API token from your tracker profile page to resume them.";
    case "missing_permissions":
      return `I can no longer post your Chastity Tracker updates in ${channel}: I am missing permissions there. Give me View Channel, Send Messages and Embed Links in that channel, then run \`/subscribe\` there again to resume; nothing is lost.`;
    case "missing_access":
      return `I can no longer see ${channel}, so I paused your Chastity Tracker updates for it. Give me access to that channel (View Channel), then run \`/subscribe\` there again to resume; nothing is lost.`;
    case "thread_closed":
      return `The thread ${channel} is archived or locked, so I paused your Chastity Tracker updates for it. Once a moderator reopens it, run \`/subscribe\` there again to resume; nothing is lost.`;
    case "unknown_channel":
      return `The channel ${channel} no longer exists, so I paused your Chastity Tracker updates for it. Run \`/subscribe\` in another channel to keep receiving them.`;
  }
}

/**
 * Pauses the active subscriptions among `ids` (read fresh, so an edit made
 * meanwhile survives) and returns those that were paused by this call.
 */
export async function pauseSubscriptions(
  store: Store,
  ids: readonly string[],
  reason: PauseReason,
  now: Date,
): Promise<Subscription[]> {
  const paused: Subscription[] = [];
  for (const id of ids) {
    const next = await store.subscriptions.update(id, (fresh) =>
      fresh.status === "active"
        ? { ...fresh, status: "paused", pausedReason: reason, pausedAt: now.toISOString() }
        : undefined,
    );
    if (next === undefined) continue;
    paused.push(next);
  }
  return paused;
}

/** One DM per owner; a closed DM is logged and otherwise ignored. */
export async function notifyOwners(
  subscriptions: readonly Subscription[],
  reason: PauseReason,
  notifyUser: (userId: string, text: string) => Promise<void>,
  logger: Logger,
  channelId?: string,
  /** A sentence added to the DM (role sync's note on a refused token). */
  note?: string,
): Promise<void> {
  const owners = [...new Set(subscriptions.map((sub) => sub.userId))];
  for (const userId of owners) {
    try {
      const text = pauseNotice(reason, channelId);
      await notifyUser(userId, note === undefined ? text : `${text}\n${note}`);
    } catch (err) {
      logger.warn({ userId, reason, err: errorSummary(err) }, "could not DM the owner");
    }
  }
}

/**
 * After a cycle's tracker reads: pauses the subscriptions of members whose
 * account is gone or whose token got a 401, one DM per member. Returns the
 * ids paused.
 */
export async function pauseAccounts(
  store: Store,
  found: {
    notLinked: readonly Subscription[];
    authFailed: ReadonlySet<string>;
    linkedAt: ReadonlyMap<string, string>;
  },
  notifyUser: (userId: string, text: string) => Promise<void>,
  logger: Logger,
  now: Date,
): Promise<string[]> {
  const notLinked = new Map<string, string[]>();
  for (const sub of found.notLinked) {
    notLinked.set(sub.userId, [...(notLinked.get(sub.userId) ?? []), sub.id]);
  }
  const work: Array<{ userId: string; reason: PauseReason }> = [
    ...[...notLinked.keys()].map((userId) => ({ userId, reason: "not_linked" as const })),
    ...[...found.authFailed].map((userId) => ({ userId, reason: "token_invalid" as const })),
  ];
  const pausedIds: string[] = [];
  for (const { userId, reason } of work) {
    try {
      // `/link` may have run while this cycle was reading: then the cause is already cured.
      const account = await store.accounts.get(userId);
      const relinked =
        reason === "not_linked"
          ? account !== undefined
          : account?.linkedAt !== found.linkedAt.get(userId);
      if (relinked) continue;
      // A refused token stops every subscription of the member, not just those read this cycle.
      const ids =
        reason === "not_linked"
          ? (notLinked.get(userId) ?? [])
          : (await store.subscriptions.listByUser(userId)).map((sub) => sub.id);
      const paused = await pauseSubscriptions(store, ids, reason, now);
      if (paused.length === 0) continue;
      pausedIds.push(...paused.map((sub) => sub.id));
      logger.warn({ userId, reason, subscriptions: paused.length }, "subscriptions paused");
      // Role sync has no DM of its own: its roles stay as they are, and this DM says so.
      const hasRoles =
        reason === "token_invalid" && (await store.roles.listMembersByUser(userId)).length > 0;
      const note = hasRoles ? t("en", "roles.tokenInvalidNote") : undefined;
      await notifyOwners(paused, reason, notifyUser, logger, undefined, note);
    } catch (err) {
      logger.error({ userId, reason, err: errorSummary(err) }, "could not pause subscriptions");
    }
  }
  return pausedIds;
}
