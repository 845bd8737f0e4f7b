/**
 * The games feed's request chain for one source: every page from `from` on. The feed's
 * order (`happened` DESC, `id` DESC) makes its paging stable, so no boundary re-read is
 * needed (unlike histories, src/poller/fetch.ts); normalizeGameChanges drops any repeat.
 */
import { TrackerUnexpectedResponseError } from "../tracker/errors.js";
import type { GameChange, TrackerClient } from "../tracker/types.js";
import { normalizeGameChanges } from "./detect.js";

export const gamesPageLimit = 200;
/** A tracker that pages on forever fails the source instead. */
export const gamesMaxPages = 500;

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
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let requests = 1; ; requests++) {
    onRequest?.();
    const page = await tracker.gamesChanges(token, {
      session,
      from,
      limit: gamesPageLimit,
      cursor,
    });
    collected.push(...page.items);
    const next = page.cursorNext;
    if (next === undefined || next === "") return normalizeGameChanges(collected);
    if (cursors.has(next) || requests >= gamesMaxPages) {
      throw new TrackerUnexpectedResponseError(
        "games_changes",
        "cursor_next does not come to an end",
      );
    }
    cursors.add(next);
    cursor = next;
  }
}
