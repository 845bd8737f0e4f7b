/**
 * The games feed's request chain for one source: every page from `from` on. The feed's
 * order (`happened` DESC, `id` DESC) makes its paging stable, so no boundary re-read is
 * needed (unlike histories, historyFetch.ts); normalizeGameChanges drops any repeat.
 */
import { pageLimit, walkPages } from "../tracker/pages.js";
import type { GameChange, TrackerClient } from "../tracker/types.js";
import { normalizeGameChanges } from "./gamesDetect.js";

/** Unique changes of `session` from `from` on, oldest first. */
export async function fetchGameChanges(
  tracker: TrackerClient,
  token: string,
  session: number,
  from: Date | undefined,
  /** Called before every request, so a chain that fails half-way is still counted. */
  onRequest?: () => void,
): Promise<GameChange[]> {
  const collected: GameChange[] = [];
  await walkPages(
    "games_changes",
    (cursor) => tracker.gamesChanges(token, { session, from, limit: pageLimit, cursor }),
    (items) => collected.push(...items),
    onRequest,
  );
  return normalizeGameChanges(collected);
}
