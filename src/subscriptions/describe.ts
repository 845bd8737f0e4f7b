import { t } from "../i18n/index.js";
import type { Subscription } from "../store/types.js";

const pauseText: Record<NonNullable<Subscription["pausedReason"]>, string> = {
  token_invalid: "your tracker token stopped working: run `/link` again",
  not_linked: "you are not linked: run `/link`",
  missing_permissions: "the bot lacks permission to post there",
  missing_access: "the bot cannot see that channel",
  unknown_channel: "that channel no longer exists",
  thread_closed: "the thread is archived or locked",
  dm_closed: t("en", "dm.pausedDmClosed"),
};

export function describePause(reason: Subscription["pausedReason"]): string {
  return reason ? pauseText[reason] : "paused";
}

export function describeSubscriptionTarget(session: number | null, channelId: string): string {
  const what =
    session === null
      ? "changes of whichever of your sessions is active"
      : `changes of session ${session}`;
  return `${what} will be posted in <#${channelId}>`;
}

export function describeFilters(filters: Subscription["filters"]): string {
  const parts: string[] = [];
  if (filters.type) parts.push(`type ${filters.type}`);
  if (filters.source) parts.push(`source ${filters.source}`);
  if (filters.dom === true) parts.push("dom only");
  if (filters.dom === false) parts.push("not by dom");
  return parts.length > 0 ? parts.join(", ") : "everything";
}
