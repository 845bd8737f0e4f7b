/**
 * Endpoint handlers of the fake tracker: parameter validation (strict: an
 * unknown, repeated or malformed parameter is a 400 envelope, as a client
 * bug should be loud) and the documented query semantics.
 */
import {
  compareHistory,
  compareKey,
  decodeCursor,
  encodeCursor,
  fakeSources,
  fakeTypes,
  parseBound,
  type StoredHistory,
  type StoredSession,
  wireHistory,
  wireSec,
  wireSession,
} from "./trackerData.js";
import { fakeActions, fakeGames, gamesPage, type StoredGameChange } from "./trackerGames.js";

export interface FakeAccount {
  nick: string;
  profileUrl: string | null;
  revoked: boolean;
  /** Stats fields that replace the computed ones (tests of odd or hidden values). */
  stats?: Record<string, unknown>;
  /** The account's public link-game token (games.php votes; stats `link_game`). */
  linkToken?: string;
  /** A token without write permission: games.php answers 403. */
  readOnly?: boolean;
}

export interface TrackerState {
  accounts: Map<string, FakeAccount>;
  sessions: Map<number, StoredSession>;
  histories: Map<number, StoredHistory[]>;
  games: Map<number, StoredGameChange[]>;
  foreignSession: "400" | "empty";
}

export interface FakeReply {
  status: number;
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export function envelopeError(status: number, code: string, message: string): FakeReply {
  return { status, body: { ok: false, error: { code, message }, meta: { version: 2 } } };
}

class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const ok = (data: unknown): FakeReply => ({
  status: 200,
  body: { ok: true, data, meta: { version: 2 } },
});

function checkParams(params: URLSearchParams, allowed: readonly string[]): void {
  const keys = [...params.keys()];
  for (const key of keys) {
    if (!allowed.includes(key)) throw new Refusal("invalid_parameter", `Unknown parameter: ${key}`);
  }
  if (new Set(keys).size !== keys.length) {
    throw new Refusal("invalid_parameter", "Repeated parameter");
  }
}

function intParam(
  params: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new Refusal(`invalid_${name}`, `${name} must be an integer between ${min} and ${max}`);
  }
  return value;
}

function enumParam<T extends string>(
  params: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const found = values.find((v) => v === raw);
  if (found === undefined)
    throw new Refusal(`invalid_${name}`, `${name} must be one of ${values.join(", ")}`);
  return found;
}

function boundParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const epoch = parseBound(raw);
  if (epoch === undefined) {
    throw new Refusal(`invalid_${name}`, `${name} must be YYYY-MM-DD HH:MM:SS or YYYY-MM-DD (UTC)`);
  }
  return epoch;
}

function histories(state: TrackerState, token: string, params: URLSearchParams): FakeReply {
  checkParams(params, ["session", "type", "source", "dom", "from", "to", "limit", "cursor"]);
  if (!params.has("session")) throw new Refusal("missing_session", "session is required");
  const sessionId = intParam(params, "session", 1, Number.MAX_SAFE_INTEGER);
  const type = enumParam(params, "type", fakeTypes);
  const source = enumParam(params, "source", fakeSources);
  const dom = intParam(params, "dom", 0, 1);
  const from = boundParam(params, "from");
  const to = boundParam(params, "to");
  const limit = intParam(params, "limit", 1, 200) ?? 50;
  const rawCursor = params.get("cursor");
  const cursor = rawCursor === null || rawCursor === "" ? undefined : decodeCursor(rawCursor);
  if (rawCursor && !cursor) throw new Refusal("invalid_cursor", "Invalid cursor");

  const session = sessionId === undefined ? undefined : state.sessions.get(sessionId);
  if (!session || session.owner !== token) {
    if (state.foreignSession === "400") throw new Refusal("session_not_found", "Session not found");
    return ok({ count: 0, limit, cursor_next: null, has_games_changes: 0, items: [] });
  }
  const matching = (state.histories.get(session.id) ?? [])
    .filter(
      (h) =>
        (type === undefined || h.type === type) &&
        (source === undefined || h.source === source) &&
        (dom === undefined || h.dom === (dom === 1)) &&
        (from === undefined || h.happened >= from) &&
        (to === undefined || h.happened <= to) &&
        (cursor === undefined || compareKey(h, cursor) > 0),
    )
    .sort(compareHistory);
  const page = matching.slice(0, limit);
  const last = page.at(-1);
  return ok({
    count: page.length,
    limit,
    cursor_next: matching.length > limit && last ? encodeCursor(last) : null,
    has_games_changes: 0,
    items: page.map(wireHistory),
  });
}

function gamesChanges(state: TrackerState, token: string, params: URLSearchParams): FakeReply {
  const allowed = ["session", "game", "action", "from", "to", "limit", "cursor"];
  checkParams(params, [...allowed, "include_raw", "include_diff"]);
  if (!params.has("session")) throw new Refusal("missing_session", "session is required");
  const sessionId = intParam(params, "session", 1, Number.MAX_SAFE_INTEGER);
  const query = {
    game: enumParam(params, "game", fakeGames),
    action: enumParam(params, "action", fakeActions),
    from: boundParam(params, "from"),
    to: boundParam(params, "to"),
    limit: intParam(params, "limit", 1, 200) ?? 50,
    cursor: params.get("cursor") || undefined,
    includeRaw: intParam(params, "include_raw", 0, 1) === 1,
    includeDiff: (intParam(params, "include_diff", 0, 1) ?? 1) === 1,
  };
  const session = sessionId === undefined ? undefined : state.sessions.get(sessionId);
  if (!session || session.owner !== token) {
    if (state.foreignSession === "400") throw new Refusal("session_not_found", "Session not found");
    return ok({ count: 0, limit: query.limit, cursor_next: null, items: [] });
  }
  const data = gamesPage(state.games.get(session.id) ?? [], query);
  if (data === "bad-cursor") throw new Refusal("invalid_cursor", "Invalid cursor");
  return ok(data);
}

function sessionsList(state: TrackerState, token: string, params: URLSearchParams): FakeReply {
  checkParams(params, ["active", "public", "from", "to", "limit", "offset"]);
  const active = intParam(params, "active", 0, 1);
  const pub = intParam(params, "public", 0, 1);
  const limit = intParam(params, "limit", 1, 200) ?? 50;
  const offset = intParam(params, "offset", 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const day = (name: string): string | undefined => {
    const raw = params.get(name);
    if (raw !== null && !/^\d{4}-\d{2}-\d{2}$/.test(raw)) {
      throw new Refusal(`invalid_${name}`, `${name} must be YYYY-MM-DD`);
    }
    return raw ?? undefined;
  };
  // The real API reads these in the user's timezone; the fake's users all live in UTC.
  const from = day("from");
  const to = day("to");
  const mine = [...state.sessions.values()]
    .filter(
      (s) =>
        s.owner === token &&
        (active === undefined || s.active === (active === 1)) &&
        (pub === undefined || s.public === (pub === 1)) &&
        (from === undefined || wireSec(s.start).slice(0, 10) >= from) &&
        (to === undefined || wireSec(s.start).slice(0, 10) <= to),
    )
    .sort((a, b) => b.start - a.start || b.id - a.id);
  const items = mine
    .slice(offset, offset + limit)
    .map((s) => wireSession(s, state.histories.get(s.id)?.length ?? 0, gamesCount(state, s.id)));
  return ok({ count: items.length, total: mine.length, limit, offset, items });
}

function sessionDetails(state: TrackerState, token: string, params: URLSearchParams): FakeReply {
  checkParams(params, ["id"]);
  const id = intParam(params, "id", 1, Number.MAX_SAFE_INTEGER);
  const session = id === undefined ? undefined : state.sessions.get(id);
  if (!session || session.owner !== token)
    throw new Refusal("session_not_found", "Session not found");
  return ok(
    wireSession(
      session,
      state.histories.get(session.id)?.length ?? 0,
      gamesCount(state, session.id),
    ),
  );
}

function stats(
  state: TrackerState,
  token: string,
  account: FakeAccount,
  params: URLSearchParams,
): FakeReply {
  checkParams(params, []);
  const mine = [...state.sessions.values()].filter((s) => s.owner === token);
  const current = mine.find((s) => s.active);
  const first = mine.reduce<number | null>(
    (min, s) => (min === null || s.start < min ? s.start : min),
    null,
  );
  // The documented example's formats: a " UTC" suffix on the lock start, none on since_date,
  // English durations, bare dates for the last events.
  return ok({
    nick: account.nick,
    profile_url: account.profileUrl,
    locked: current !== undefined,
    current_lock_start: current ? `${wireSec(current.start)} UTC` : null,
    scheduled_end: current?.scheduledEnd ? wireSec(current.scheduledEnd) : null,
    current_lock_time: current ? englishDuration(Date.now() - current.start) : null,
    total_locked_since: englishDuration(
      mine.reduce((sum, s) => sum + ((s.end ?? Date.now()) - s.start), 0),
    ),
    since_date: first === null ? null : wireSec(first),
    // Undocumented shape; the bot must read it defensively.
    link_game: account.linkToken
      ? `https://www.chastitytracker.org/linkgame.php?token=${account.linkToken}`
      : null,
    last_full: null,
    last_ruined: null,
    last_ted: null,
    last_milking: null,
    ...account.stats,
  });
}

/** `17 days 3 hours 12 minutes`, the tracker's wording. */
function englishDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return `${days} days ${hours} hours ${minutes % 60} minutes`;
}

export function handleEndpoint(
  state: TrackerState,
  endpoint: "histories" | "sessions" | "session" | "stats" | "games_changes",
  token: string,
  account: FakeAccount,
  params: URLSearchParams,
): FakeReply {
  try {
    switch (endpoint) {
      case "histories":
        return histories(state, token, params);
      case "sessions":
        return sessionsList(state, token, params);
      case "session":
        return sessionDetails(state, token, params);
      case "stats":
        return stats(state, token, account, params);
      case "games_changes":
        return gamesChanges(state, token, params);
    }
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    return envelopeError(400, err.code, err.detail);
  }
}

const gamesCount = (state: TrackerState, session: number) => state.games.get(session)?.length ?? 0;
