/** Domain types of the tracker, after the wire format was validated and mapped. */
import type { GameChange, GamesChangesPage, GamesChangesQuery } from "./games.js";

export type { GameChange, GamesChangesPage, GamesChangesQuery };

export const historyTypes = ["START", "ADD", "SUB"] as const;
export type HistoryType = (typeof historyTypes)[number];

export const historySources = ["DICE", "LINK", "LUCK", "MANUAL", "PENALTY", "DOM"] as const;
export type HistorySource = (typeof historySources)[number];

export interface HistoryItem {
  session: number;
  type: HistoryType;
  /** Signed change in seconds as the tracker reports it; null for START. */
  unit: number | null;
  source: HistorySource | null;
  dom: boolean;
  /** New scheduled release (UTC); null if the tracker sent none. */
  schedule: Date | null;
  /** When the change occurred (UTC, millisecond precision). */
  happened: Date;
}

export interface HistoriesQuery {
  session: number;
  type?: HistoryType | undefined;
  source?: HistorySource | undefined;
  dom?: boolean | undefined;
  /** Inclusive lower bound on `happened`; sent floored to the second. */
  from?: Date | undefined;
  /** Inclusive upper bound on `happened`; sent floored to the second. */
  to?: Date | undefined;
  /** 1..200; the client never sends more than 200. */
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface HistoriesPage {
  count: number;
  limit: number;
  items: HistoryItem[];
  /** Undefined on the last page. */
  cursorNext: string | undefined;
}

export interface TrackerSession {
  id: number;
  start: Date;
  end: Date | null;
  scheduledEnd: Date | null;
  active: boolean;
  lockedBy: string | null;
  public: boolean;
  hasHistory: boolean;
  /** `has_games_changes`: the games feed has something for this session (absent: assume yes). */
  hasGamesChanges: boolean;
  /** Which link-game votes the session's `games` rules allow (all when unreadable). */
  linkRules?: { add: boolean; sub: boolean };
  /** Games the session's `games` object has set up (dice, link, luck); absent when not sent. */
  openGames?: string[];
}

export interface SessionsQuery {
  active?: boolean | undefined;
  public?: boolean | undefined;
  /** YYYY-MM-DD in the user's own timezone, passed through. */
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface SessionsPage {
  count: number;
  total: number;
  limit: number;
  offset: number;
  items: TrackerSession[];
}

export interface TrackerStats {
  nick: string;
  profileUrl: string | null;
  locked: boolean;
  // The fields below are read tolerantly: null when absent, hidden or in an unexpected shape.
  /** Start of the current lock (the tracker adds a " UTC" suffix). */
  currentLockStart: Date | null;
  scheduledEnd: Date | null;
  /** The tracker's own English text, e.g. "17 days 3 hours 12 minutes". */
  currentLockTime: string | null;
  totalLockedSince: string | null;
  sinceDate: Date | null;
  linkGame: string | null;
  lastFull: Date | null;
  lastRuined: Date | null;
  lastTed: Date | null;
  lastMilking: Date | null;
}

/** What the rest of the bot needs from the tracker; the undici client implements it. */
export interface TrackerClient {
  histories(token: string, query: HistoriesQuery): Promise<HistoriesPage>;
  /** Walks `cursor_next` pages, yielding every item once in the tracker's order. */
  iterateHistories(token: string, query: HistoriesQuery): AsyncIterable<HistoryItem>;
  sessions(token: string, query?: SessionsQuery): Promise<SessionsPage>;
  session(token: string, id: number): Promise<TrackerSession>;
  stats(token: string): Promise<TrackerStats>;
  /** `games_changes.php`: one page of game-rule changes, newest first (happened, id DESC). */
  gamesChanges(token: string, query: GamesChangesQuery): Promise<GamesChangesPage>;
  /** Walks the games feed's `cursor_next` pages, yielding every change once in tracker order. */
  iterateGamesChanges(token: string, query: GamesChangesQuery): AsyncIterable<GameChange>;
  /**
   * Hears every GET's final outcome (any caller's), until the returned function is called: the
   * poller takes members' reads as evidence of the site's health. Optional: fakes may omit it.
   */
  onSettled?(listener: (read: SettledReadOutcome) => void): () => void;
  close(): Promise<void>;
}

/** A GET's final outcome as onSettled reports it (see SettledRead in http.ts). */
export interface SettledReadOutcome {
  priority: "interactive" | "background";
  /** Undefined when it succeeded. */
  err: unknown;
}

/** Ids of the sessions still running (active, not ended), latest start first. */
export function runningSessionIds(sessions: readonly TrackerSession[]): number[] {
  return sessions
    .filter((s) => s.active && s.end === null)
    .sort((a, b) => b.start.getTime() - a.start.getTime())
    .map((s) => s.id);
}

/** Whole-record identity: items have no id, and several may share `happened`. */
export function historyItemKey(item: HistoryItem): string {
  return [
    item.session,
    item.type,
    item.unit ?? "",
    item.source ?? "",
    item.dom ? 1 : 0,
    item.schedule ? item.schedule.getTime() : "",
    item.happened.getTime(),
  ].join("|");
}
