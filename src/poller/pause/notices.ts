/**
 * Pausing subscriptions, and the one place that words what the owner is
 * told in a DM when the poller had to pause them.
 */
import type { Logger } from "pino";
import { type Locale, type MessageKey, t } from "../../i18n/index.js";
import type { LocaleStore } from "../../store/locales.js";
import type { PauseReason, Store, Subscription } from "../../store/types.js";
import { errorSummary } from "../../util/errorSummary.js";

const noticeKeys = {
  token_invalid: "notices.tokenInvalid",
  not_linked: "notices.notLinked",
  missing_permissions: "notices.missingPermissions",
  missing_access: "notices.missingAccess",
  thread_closed: "notices.threadClosed",
  unknown_channel: "notices.unknownChannel",
  // Never sent (notifyOwners skips it: the DM is what failed); kept for a complete mapping.
  dm_closed: "dm.pausedDmClosed",
} as const satisfies Record<PauseReason, MessageKey>;

/** The DM text, in the member's language (English unless given). */
export function pauseNotice(
  reason: PauseReason,
  channelId?: string,
  locale: Locale = "en",
): string {
  const channel = channelId === undefined ? t(locale, "notices.theChannel") : `<#${channelId}>`;
  return t(locale, noticeKeys[reason], { channel });
}

/** Where a DM's language comes from: the member's last interaction (store.locales). */
export type MemberLocales = Pick<LocaleStore, "member">;

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

/**
 * One DM per owner, in the language of the owner's last interaction (English
 * when none was seen or `locales` is not given); a closed DM is logged and
 * otherwise ignored.
 */
export async function notifyOwners(
  subscriptions: readonly Subscription[],
  reason: PauseReason,
  notifyUser: (userId: string, text: string) => Promise<void>,
  logger: Logger,
  channelId?: string,
  locales?: MemberLocales,
  /** A sentence added to the DM (role sync's note on a refused token). */
  note?: MessageKey,
): Promise<void> {
  // The DM is what failed: there is no one to tell. /subscriptions shows the reason, the log has it.
  if (reason === "dm_closed") return;
  const owners = [...new Set(subscriptions.map((sub) => sub.userId))];
  for (const userId of owners) {
    try {
      const locale = (await locales?.member(userId)) ?? "en";
      const text = pauseNotice(reason, channelId, locale);
      await notifyUser(userId, note === undefined ? text : `${text}\n${t(locale, note)}`);
    } catch (err) {
      logger.warn({ userId, reason, err: errorSummary(err) }, "could not DM the owner");
    }
  }
}

/**
 * After a tick's tracker reads: pauses the subscriptions of members whose
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
      // `/link` may have run while this tick was reading: then the cause is already cured.
      const account = await store.accounts.get(userId);
      const relinked =
        reason === "not_linked"
          ? account !== undefined
          : account?.linkedAt !== found.linkedAt.get(userId);
      if (relinked) continue;
      // A refused token stops every subscription of the member, not just those read this tick.
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
      const note = hasRoles ? "roles.tokenInvalidNote" : undefined;
      await notifyOwners(paused, reason, notifyUser, logger, undefined, store.locales, note);
    } catch (err) {
      logger.error({ userId, reason, err: errorSummary(err) }, "could not pause subscriptions");
    }
  }
  return pausedIds;
}
