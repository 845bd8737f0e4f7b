/**
 * `createTrackerClient` implements the TrackerClient interface over the v2
 * endpoints. Query building lives here (what the docs allow, in the form they
 * expect); transport, deadlines and retries live in http.ts.
 */
import type { Logger } from "pino";
import {
  type TrackerEndpoint,
  TrackerUnexpectedResponseError,
  TrackerValidationError,
} from "./errors.js";
import { errorSummary } from "../util/errorSummary.js";
import { formatTrackerDateTime } from "./format.js";
import { type GameChange, gamesChangesDataSchema } from "./games.js";
import type { RequestBudget } from "./budget.js";
import { createTrackerHttp, type SettledRead, type TrackerRequestInfo } from "./http.js";
import { playBody, playDataSchema, type TrackerPlayer } from "./play.js";
import {
  historiesDataSchema,
  sessionDetailsDataSchema,
  sessionsDataSchema,
  statsDataSchema,
} from "./schemas.js";
import type {
  GamesChangesPage,
  GamesChangesQuery,
  HistoriesPage,
  HistoriesQuery,
  HistoryItem,
  SessionsQuery,
  TrackerClient,
} from "./types.js";

export type { SettledRead, TrackerRequestInfo };

export interface TrackerClientOptions {
  /** Origin (and optional path prefix) of the tracker, e.g. https://www.chastitytracker.org */
  baseUrl: string;
  /** Deadline per HTTP attempt, covering headers and the whole body. Default 10000. */
  timeoutMs?: number;
  /** Extra attempts for 5xx, timeouts and network errors. Default 2. */
  retries?: number;
  /** First backoff step; doubles per retry, jittered. Default 500. */
  retryBaseMs?: number;
  /** Cap on keep-alive connections of the single Agent. Default 8. */
  connections?: number;
  userAgent?: string;
  logger?: Logger;
  /** Called once per HTTP attempt, for metrics. */
  onRequest?: (info: TrackerRequestInfo) => void;
  /** The global request budget every request waits on (see budget.ts). */
  budget?: RequestBudget;
}

export const defaultUserAgent =
  "chastity-tracker-discord-bot/0.1 (+self-hosted; https://chastitytracker.org)";

export const maxPageLimit = 200;

const paths = {
  histories: "/api/v2/histories.php",
  sessions: "/api/v2/sessions.php",
  session: "/api/v2/sessions.php",
  stats: "/api/v2/stats.php",
  games_changes: "/api/v2/games_changes.php",
  games: "/api/v2/games.php",
} as const satisfies Record<TrackerEndpoint, string>;

/** The tracker documents max 200 and is silent on what happens above it: never find out. */
export function clampLimit(limit: number | undefined): number | undefined {
  if (limit === undefined || !Number.isFinite(limit)) return undefined;
  return Math.min(maxPageLimit, Math.max(1, Math.trunc(limit)));
}

function requireId(endpoint: TrackerEndpoint, name: string, value: number): string {
  // Checked locally so a typo in a slash command never costs a request.
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new TrackerValidationError(
      endpoint,
      `invalid_${name}`,
      `${name} must be a positive whole number.`,
    );
  }
  return String(value);
}

const flag = (value: boolean): string => (value ? "1" : "0");

export function historiesParams(query: HistoriesQuery): URLSearchParams {
  const params = new URLSearchParams({ session: requireId("histories", "session", query.session) });
  if (query.type !== undefined) params.set("type", query.type);
  if (query.source !== undefined) params.set("source", query.source);
  if (query.dom !== undefined) params.set("dom", flag(query.dom));
  if (query.from !== undefined) params.set("from", formatTrackerDateTime(query.from));
  if (query.to !== undefined) params.set("to", formatTrackerDateTime(query.to));
  const limit = clampLimit(query.limit);
  if (limit !== undefined) params.set("limit", String(limit));
  if (query.cursor) params.set("cursor", query.cursor);
  return params;
}

export function gamesChangesParams(query: GamesChangesQuery): URLSearchParams {
  const params = new URLSearchParams({
    session: requireId("games_changes", "session", query.session),
  });
  if (query.game !== undefined) params.set("game", query.game);
  if (query.action !== undefined) params.set("action", query.action);
  if (query.from !== undefined) params.set("from", formatTrackerDateTime(query.from));
  if (query.to !== undefined) params.set("to", formatTrackerDateTime(query.to));
  const limit = clampLimit(query.limit);
  if (limit !== undefined) params.set("limit", String(limit));
  if (query.cursor) params.set("cursor", query.cursor);
  if (query.includeRaw !== undefined) params.set("include_raw", flag(query.includeRaw));
  if (query.includeDiff !== undefined) params.set("include_diff", flag(query.includeDiff));
  return params;
}

export function sessionsParams(query: SessionsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.active !== undefined) params.set("active", flag(query.active));
  if (query.public !== undefined) params.set("public", flag(query.public));
  if (query.from !== undefined) params.set("from", query.from);
  if (query.to !== undefined) params.set("to", query.to);
  const limit = clampLimit(query.limit);
  if (limit !== undefined) params.set("limit", String(limit));
  if (query.offset !== undefined && Number.isFinite(query.offset)) {
    params.set("offset", String(Math.max(0, Math.trunc(query.offset))));
  }
  return params;
}

export function createTrackerClient(options: TrackerClientOptions): TrackerClient & TrackerPlayer {
  const settledListeners = new Set<(read: SettledRead) => void>();
  const http = createTrackerHttp({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    retries: Math.max(0, options.retries ?? 2),
    retryBaseMs: options.retryBaseMs ?? 500,
    connections: options.connections ?? 8,
    userAgent: options.userAgent ?? defaultUserAgent,
    logger: options.logger,
    onRequest: options.onRequest,
    budget: options.budget,
    onSettled: (read) => {
      // A listener's fault is its own: the read's caller still gets its answer.
      for (const listener of settledListeners) {
        try {
          listener(read);
        } catch (err) {
          options.logger?.error({ err: errorSummary(err) }, "tracker onSettled listener failed");
        }
      }
    },
  });

  // Every method is async so that local validation errors reject instead of throwing.
  async function histories(token: string, query: HistoriesQuery): Promise<HistoriesPage> {
    return http.get(
      "histories",
      paths.histories,
      historiesParams(query),
      token,
      historiesDataSchema,
    );
  }

  function iterateHistories(token: string, query: HistoriesQuery): AsyncGenerator<HistoryItem> {
    return walkPages("histories", query.cursor, (cursor) => histories(token, { ...query, cursor }));
  }

  async function gamesChanges(token: string, query: GamesChangesQuery): Promise<GamesChangesPage> {
    const params = gamesChangesParams(query);
    return http.get("games_changes", paths.games_changes, params, token, gamesChangesDataSchema);
  }

  function iterateGamesChanges(
    token: string,
    query: GamesChangesQuery,
  ): AsyncGenerator<GameChange> {
    return walkPages("games_changes", query.cursor, (cursor) =>
      gamesChanges(token, { ...query, cursor }),
    );
  }

  return {
    histories,
    iterateHistories,
    async sessions(token, query = {}) {
      return http.get("sessions", paths.sessions, sessionsParams(query), token, sessionsDataSchema);
    },
    async session(token, id) {
      const params = new URLSearchParams({ id: requireId("session", "id", id) });
      return http.get("session", paths.session, params, token, sessionDetailsDataSchema);
    },
    async stats(token) {
      return http.get("stats", paths.stats, new URLSearchParams(), token, statsDataSchema);
    },
    gamesChanges,
    iterateGamesChanges,
    // async: a body refused locally rejects like any other failure instead of throwing.
    play: async (bearer, request) =>
      http.post("games", paths.games, playBody(request), bearer, playDataSchema),
    onSettled(listener) {
      settledListeners.add(listener);
      return () => settledListeners.delete(listener);
    },
    close: () => http.close(),
  };
}

/** Follows `cursor_next` from `first` on, yielding every item once in the tracker's order. */
async function* walkPages<T>(
  endpoint: TrackerEndpoint,
  first: string | undefined,
  page: (cursor: string | undefined) => Promise<{ items: T[]; cursorNext: string | undefined }>,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let cursor = first;
  for (;;) {
    const current = await page(cursor);
    yield* current.items;
    if (current.cursorNext === undefined) return;
    // A cursor that comes back twice would page forever; fail loudly instead.
    if (seen.has(current.cursorNext)) {
      throw new TrackerUnexpectedResponseError(endpoint, "cursor_next repeated a previous cursor");
    }
    seen.add(current.cursorNext);
    cursor = current.cursorNext;
  }
}
