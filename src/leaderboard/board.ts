/**
 * The server leaderboards: figures read from the tracker for members who joined, at most once per
 * member every `refreshEveryMs` (monotonic; whatever the number of servers or of `/leaderboard
 * show`), as background work in the request budget, and kept per month.
 */
import type { Clock } from "../util/clock.js";
import type { Logger } from "../log.js";
import type { LeaderMonth } from "../store/leaderboard.js";
import type { Store } from "../store/types.js";
import { asBackground } from "../tracker/priority.js";
import type { HistoryItem, TrackerClient } from "../tracker/types.js";
import { errorSummary } from "../util/errorSummary.js";
import { mapLimit } from "../util/limit.js";
import { currentStart, lockedInMonth, monthBounds, monthOf, othersInMonth } from "./figures.js";

export interface LeaderboardDeps {
  store: Store;
  tracker: TrackerClient;
  clock: Clock;
  logger: Logger;
  /** Fewest ms between two reads of one member. Default 10 min. */
  refreshEveryMs?: number;
}

export function createLeaderboard(deps: LeaderboardDeps) {
  const { store, tracker, clock, logger } = deps;
  const everyMs = deps.refreshEveryMs ?? 10 * 60_000;
  const lastRead = new Map<string, number>();

  /** One sessions read, and the month's ADD items of each session that overlaps it. */
  async function read(userId: string): Promise<void> {
    const account = await store.accounts.get(userId);
    if (account === undefined) return;
    const nowMs = clock.wall();
    const month = monthOf(nowMs);
    const bounds = monthBounds(month);
    const sessions = (await tracker.sessions(account.token, { limit: 50 })).items;
    const inMonth = sessions.filter(
      (s) => s.start.getTime() < bounds.endMs && (s.end?.getTime() ?? nowMs) >= bounds.startMs,
    );
    const items: HistoryItem[] = [];
    for (const s of inMonth) {
      const query = {
        session: s.id,
        type: "ADD" as const,
        from: new Date(bounds.startMs),
        limit: 200,
      };
      for await (const item of tracker.iterateHistories(account.token, query)) items.push(item);
    }
    const start = currentStart(sessions);
    await store.leaderboard.putMonth({
      kind: "month",
      userId,
      month,
      nick: account.nick,
      lockedSeconds: lockedInMonth(inMonth, bounds, nowMs),
      addedByOthersSeconds: othersInMonth(items, bounds),
      currentStart: start?.toISOString() ?? null,
      updatedAt: new Date(nowMs).toISOString(),
    });
  }

  async function refresh(userId: string): Promise<void> {
    const last = lastRead.get(userId);
    if (last !== undefined && clock.now() - last < everyMs) return;
    // Marked before the read: a second board asking meanwhile waits for nothing and reads nothing.
    lastRead.set(userId, clock.now());
    try {
      await asBackground(() => read(userId));
    } catch (err) {
      logger.warn({ userId, err: errorSummary(err) }, "leaderboard read failed; shown as it was");
    }
  }

  return {
    /** The board of a server for a month: the members who joined, best first. */
    async board(guildId: string, month: string): Promise<LeaderMonth[]> {
      const members = await store.leaderboard.members(guildId);
      if (month === monthOf(clock.wall())) await mapLimit(members, 4, (m) => refresh(m.userId));
      const rows = await Promise.all(members.map((m) => store.leaderboard.month(m.userId, month)));
      return rows
        .filter((r): r is LeaderMonth => r !== undefined)
        .sort(
          (a, b) =>
            b.lockedSeconds - a.lockedSeconds || b.addedByOthersSeconds - a.addedByOthersSeconds,
        );
    },
    /** Forgets when the member was read (after leave or unlink, a new join reads afresh). */
    forget(userId: string): void {
      lastRead.delete(userId);
    },
  };
}

export type Leaderboard = ReturnType<typeof createLeaderboard>;
