import { type Locale, type MessageKey, t, translator } from "../i18n/index.js";
import type { CheckInterval } from "../poller/schedule/status.js";
import type { Subscription } from "../store/types.js";

const pauseKeys = {
  token_invalid: "subscriptions.pauseTokenInvalid",
  not_linked: "subscriptions.pauseNotLinked",
  missing_permissions: "subscriptions.pauseMissingPermissions",
  missing_access: "subscriptions.pauseMissingAccess",
  unknown_channel: "subscriptions.pauseUnknownChannel",
  thread_closed: "subscriptions.pauseThreadClosed",
  dm_closed: "dm.pausedDmClosed",
} as const satisfies Record<NonNullable<Subscription["pausedReason"]>, MessageKey>;

export function describePause(reason: Subscription["pausedReason"], locale: Locale): string {
  return t(locale, reason ? pauseKeys[reason] : "subscriptions.paused");
}

export function describeSubscriptionTarget(
  session: number | null,
  channelId: string,
  locale: Locale,
): string {
  const channel = `<#${channelId}>`;
  return session === null
    ? t(locale, "subscriptions.targetActive", { channel })
    : t(locale, "subscriptions.targetSession", { session, channel });
}

export function describeFilters(filters: Subscription["filters"], locale: Locale): string {
  const tr = translator(locale);
  const parts: string[] = [];
  if (filters.type) parts.push(tr("subscriptions.filterType", { type: filters.type }));
  if (filters.source) parts.push(tr("subscriptions.filterSource", { source: filters.source }));
  if (filters.dom === true) parts.push(tr("subscriptions.domOnly"));
  if (filters.dom === false) parts.push(tr("subscriptions.notByDom"));
  return parts.length > 0
    ? parts.join(tr("subscriptions.listSeparator"))
    : tr("subscriptions.everything");
}

/**
 * The "checked about every N min" note, when the tracker budget stretches this subscription;
 * when even 15 intervals do not fit every session ("overloaded"), it says so, with the raised
 * bound in force.
 */
export function checkNote(locale: Locale, check: CheckInterval | undefined): string {
  if (check === undefined) return "";
  const count = check.sharedBy;
  const text =
    check.intervalMs < 120_000
      ? t(locale, "scheduler.checkedEverySeconds", {
          seconds: Math.round(check.intervalMs / 1000),
          count,
        })
      : t(locale, "scheduler.checkedEvery", {
          minutes: Math.round(check.intervalMs / 60_000),
          count,
        });
  const overloaded = check.reason === "overloaded" ? ` (${overloadNote(locale, check)})` : "";
  return ` · 🐢 ${text}${overloaded}`;
}

/** The raised bound in force: every session is still read at least that often. */
function overloadNote(locale: Locale, check: CheckInterval): string {
  const boundMs = check.boundMs ?? check.intervalMs;
  return boundMs < 120_000
    ? t(locale, "schedule.overloadedSeconds", { seconds: Math.round(boundMs / 1000) })
    : t(locale, "schedule.overloaded", { minutes: Math.round(boundMs / 60_000) });
}
