/** Setting paused subscriptions active again, for the commands that cure the cause. */
import type { PauseReason, Store } from "../../store/types.js";

/** Reasons `/link` cures. */
export const linkPauseReasons: readonly PauseReason[] = ["token_invalid", "not_linked"];

/**
 * For `/link`: sets the user's subscriptions paused for a token problem
 * active again and returns how many. Watermarks were left alone while
 * paused, so what happened meanwhile is posted on the next tick.
 */
export async function resumeUserSubscriptions(
  store: Store,
  userId: string,
  reasons: readonly PauseReason[] = linkPauseReasons,
): Promise<number> {
  let resumed = 0;
  for (const sub of await store.subscriptions.listByUser(userId)) {
    const stored = await store.subscriptions.update(sub.id, (fresh) =>
      fresh.status === "paused" &&
      fresh.pausedReason !== null &&
      reasons.includes(fresh.pausedReason)
        ? { ...fresh, status: "active", pausedReason: null, pausedAt: null }
        : undefined,
    );
    if (stored) resumed++;
  }
  return resumed;
}
