/**
 * A loopback Chastity Tracker v2 for tests: a real node:http server on
 * 127.0.0.1 with the documented semantics (bearer auth, envelope, filters,
 * ordering, opaque cursor), strict parameter checking, fault injection and a
 * request log. Query semantics live in trackerData.ts.
 *
 * Choices where the docs are silent (documented so tests can rely on them):
 * - a session of another token (or an unknown one) is a 400
 *   `session_not_found` by default; `foreignSession: "empty"` gives an
 *   empty page instead;
 * - unknown or repeated parameters are a 400, `limit` above 200 is a 400;
 * - `to` compares like MySQL: `to=... 10:00:00` excludes `10:00:00.001`;
 * - `cursor_next` is null when nothing follows, even after a full page;
 * - session details (`sessions.php?id=`) answer with the session object as `data`.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  type FakeHistoryInput,
  type FakeSessionInput,
  makeHistory,
  type StoredHistory,
  type StoredSession,
  toEpoch,
} from "./trackerData.js";
import { type FakeFault, type FakeRefusal, faultReply } from "./trackerFaults.js";
import { type FakeGameChangeInput, makeGameChange } from "./trackerGames.js";
import { type FakePlayOptions, handlePlay, type PlayContext } from "./trackerPlay.js";
import {
  envelopeError,
  type FakeReply,
  handleEndpoint,
  type TrackerState,
} from "./trackerRoutes.js";

export type { FakeFault, FakeGameChangeInput, FakeHistoryInput, FakeRefusal, FakeSessionInput };

export type FakeEndpoint =
  | "histories"
  | "sessions"
  | "session"
  | "stats"
  | "games_changes"
  | "games";

export interface FakeRequest {
  method: string;
  path: string;
  endpoint: FakeEndpoint | undefined;
  query: Record<string, string>;
  hasAuth: boolean;
  /** Nick of the account the bearer token belongs to, if it is a known token (revoked or not). */
  owner: string | undefined;
  /** sha256 of the bearer value, 12 hex chars: counts requests per token without storing it. */
  tokenFingerprint: string | undefined;
  userAgent: string | undefined;
  accept: string | undefined;
  /** Undefined when the request was left hanging or its socket was reset. */
  status: number | undefined;
  /** Bytes of the answer's body (set when it is sent). */
  responseBytes?: number;
  fault: FakeFault | undefined;
  /** Arrival on the fake's clock (ms). */
  at: number;
  /** The parsed JSON body of a POST (undefined for GET or a body that is not JSON). */
  body?: Record<string, unknown>;
}

export interface FakeTrackerOptions {
  foreignSession?: "400" | "empty";
  /** Real milliseconds before each answer (e.g. 150 +- 50); none by default. */
  latencyMs?: () => number;
  /** The tracker's own limit: above it, 429 with Retry-After. Off by default. */
  rateLimit?: FakeRateLimit;
  /** Time for `at` and the rate-limit window (a sped-up clock in the benchmark). */
  clock?: { now(): number };
  /** games.php limits (see trackerPlay.ts). */
  play?: FakePlayOptions;
}

export interface FakeRateLimit {
  /** Requests accepted in any 60 s window; the next one gets a 429. */
  perMinute: number;
  /** Retry-After sent (seconds); default: until the window has room again. */
  retryAfterSeconds?: number;
}

export interface FakeTracker {
  readonly url: string;
  /** Live log of received requests (cleared by resetRequests). */
  readonly requests: readonly FakeRequest[];
  addToken(
    token: string,
    options?: {
      nick?: string;
      profileUrl?: string | null;
      stats?: Record<string, unknown>;
      linkToken?: string;
      readOnly?: boolean;
    },
  ): void;
  /** Returns the session id (auto-assigned from 100 upwards unless given). */
  addSession(token: string, session?: FakeSessionInput): number;
  addHistory(sessionId: number, items: readonly FakeHistoryInput[]): void;
  /** Game-rule changes of a session (ids auto-assigned from 1 unless given). */
  addGameChanges(sessionId: number, changes: readonly FakeGameChangeInput[]): void;
  setSessionActive(sessionId: number, active: boolean): void;
  endSession(sessionId: number, end?: Date): void;
  revokeToken(token: string): void;
  /** The next `n` matching requests fail with `kind` (per endpoint, or any when omitted). */
  failNext(
    n: number,
    kind: FakeFault,
    /** `session`: only requests for that session (the `session` query parameter). */
    options?: { endpoint?: FakeEndpoint; session?: number; retryAfter?: string },
  ): void;
  /** The next `n` matching requests are refused in the tracker's envelope (409, 422, ...). */
  refuseNext(n: number, refusal: FakeRefusal, options?: { endpoint?: FakeEndpoint }): void;
  /** Switches a session's game off (the tracker then answers 409 `game_disabled`) or on. */
  setGameEnabled(sessionId: number, game: "dice" | "luck" | "link", enabled: boolean): void;
  clearFaults(): void;
  /** Changes (or, with undefined, lifts) the fake's own rate limit. */
  setRateLimit(limit: FakeRateLimit | undefined): void;
  /** 429s answered because of the rate limit (not failNext) since start. */
  readonly rateLimited: number;
  resetRequests(): void;
  close(): Promise<void>;
}

const routes: Record<string, FakeEndpoint> = {
  "/api/v2/histories.php": "histories",
  "/api/v2/sessions.php": "sessions",
  "/api/v2/stats.php": "stats",
  "/api/v2/games_changes.php": "games_changes",
  "/api/v2/games.php": "games",
};

export function fingerprint(token: string): string {
  return createHash("sha256").update(token).digest("hex").slice(0, 12);
}

export async function startFakeTracker(options: FakeTrackerOptions = {}): Promise<FakeTracker> {
  const state: TrackerState = {
    accounts: new Map(),
    sessions: new Map(),
    histories: new Map(),
    games: new Map(),
    foreignSession: options.foreignSession ?? "400",
  };
  const requests: FakeRequest[] = [];
  const faults: {
    left: number;
    kind: FakeFault;
    endpoint?: FakeEndpoint;
    session?: number;
    retryAfter: string;
    refusal?: FakeRefusal;
  }[] = [];
  const sockets = new Set<Socket>();
  const clock = options.clock ?? { now: () => Date.now() };
  let rateLimit = options.rateLimit;
  let rateLimited = 0;
  /** Arrival times of the requests the rate limit let through, last 60 s. */
  const accepted: number[] = [];
  let nextSessionId = 100;
  let seq = 0;
  let nextGameChangeId = 1;
  // Items without `happened` get one second after the previous automatic one.
  let autoHappened = Date.UTC(2026, 1, 3, 0, 0, 0);

  function takeFault(endpoint: FakeEndpoint | undefined, session: string | undefined) {
    const fault = faults.find(
      (f) =>
        (f.endpoint === undefined || f.endpoint === endpoint) &&
        (f.session === undefined || String(f.session) === session),
    );
    if (!fault) return undefined;
    fault.left -= 1;
    if (fault.left <= 0) faults.splice(faults.indexOf(fault), 1);
    return fault;
  }

  function send(res: ServerResponse, entry: FakeRequest, reply: FakeReply): void {
    entry.status = reply.status;
    const body = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body);
    entry.responseBytes = Buffer.byteLength(body);
    const write = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status, {
        "content-type": reply.contentType ?? "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(body),
        ...reply.headers,
      });
      res.end(body);
    };
    const delay = options.latencyMs?.() ?? 0;
    if (delay > 0) setTimeout(write, delay);
    else write();
  }

  /** A 429 reply when the rate limit is reached; counts the request otherwise. */
  function overLimit(at: number): FakeReply | undefined {
    if (rateLimit === undefined) return undefined;
    while (accepted.length > 0 && (accepted[0] as number) <= at - 60_000) accepted.shift();
    if (accepted.length < rateLimit.perMinute) {
      accepted.push(at);
      return undefined;
    }
    rateLimited++;
    const wait =
      rateLimit.retryAfterSeconds ?? Math.ceil(((accepted[0] as number) + 60_000 - at) / 1000);
    return faultReply("429", String(Math.max(1, wait)));
  }

  const play: PlayContext = {
    state,
    options: options.play ?? {},
    now: () => clock.now(),
    addHistory: (sessionId, item) => {
      const list = state.histories.get(sessionId) ?? [];
      list.push(makeHistory(sessionId, seq++, item, autoHappened));
      state.histories.set(sessionId, list);
    },
    lastPlay: new Map(),
    votes: new Map(),
    disabled: new Set(),
  };

  function handle(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const endpoint =
      routes[url.pathname] === "sessions" && url.searchParams.has("id")
        ? "session"
        : routes[url.pathname];
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith("Bearer ") ? auth.slice(7) : undefined;
    const account = bearer === undefined ? undefined : state.accounts.get(bearer);
    const entry: FakeRequest = {
      method: req.method ?? "?",
      path: url.pathname,
      endpoint,
      query: Object.fromEntries(url.searchParams),
      hasAuth: auth !== undefined,
      owner: account?.nick,
      tokenFingerprint: bearer === undefined ? undefined : fingerprint(bearer),
      userAgent: req.headers["user-agent"],
      accept: req.headers.accept,
      status: undefined,
      fault: undefined,
      at: clock.now(),
    };
    if (req.method === "POST") {
      try {
        entry.body = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        // Left undefined: games.php answers the 400 itself.
      }
    }
    requests.push(entry);
    const limited = overLimit(entry.at);
    if (limited) {
      send(res, entry, limited);
      return;
    }

    const fault = takeFault(endpoint, entry.query.session);
    if (fault) {
      entry.fault = fault.kind;
      if (fault.kind === "hang") return; // never answered; close() destroys the socket
      if (fault.kind === "reset") {
        req.socket.destroy();
        return;
      }
      if (fault.kind === "hang-body") {
        entry.status = 200;
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"ok":true,"data":{"count":');
        return;
      }
      if (fault.kind === "refusal") {
        const { status, code, message, bare } = fault.refusal ?? {
          status: 400,
          code: "",
          message: "",
        };
        const page = { status, body: `<html>${status}</html>`, contentType: "text/html" };
        send(res, entry, bare ? page : envelopeError(status, code, message));
        return;
      }
      send(res, entry, faultReply(fault.kind, fault.retryAfter));
      return;
    }
    if (!endpoint) {
      send(res, entry, envelopeError(404, "not_found", "Unknown endpoint"));
    } else if (endpoint === "games") {
      send(res, entry, handlePlay(play, req.method ?? "?", bearer, rawBody));
    } else if (req.method !== "GET") {
      send(res, entry, envelopeError(405, "method_not_allowed", "Method not allowed"));
    } else if (!account || account.revoked) {
      send(res, entry, envelopeError(401, "unauthorized", "Missing or invalid token"));
    } else {
      send(res, entry, handleEndpoint(state, endpoint, bearer ?? "", account, url.searchParams));
    }
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        handle(req, res, Buffer.concat(chunks).toString("utf8"));
      } catch (err) {
        // A bug in the fake must show up as a 500, not as a hung test.
        if (!res.headersSent) res.writeHead(500).end(String(err));
      }
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  function sessionOrThrow(id: number): StoredSession {
    const s = state.sessions.get(id);
    if (!s) throw new Error(`fake tracker: no session ${id}`);
    return s;
  }

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addToken(token, opts = {}) {
      state.accounts.set(token, {
        nick: opts.nick ?? `user${state.accounts.size + 1}`,
        profileUrl:
          opts.profileUrl === undefined
            ? `https://www.chastitytracker.org/profile/${opts.nick ?? state.accounts.size + 1}`
            : opts.profileUrl,
        revoked: false,
        ...(opts.stats && { stats: opts.stats }),
        ...(opts.linkToken && { linkToken: opts.linkToken }),
        ...(opts.readOnly && { readOnly: true }),
      });
    },
    addSession(token, input = {}) {
      if (!state.accounts.has(token)) throw new Error("fake tracker: addToken first");
      const id = input.id ?? nextSessionId++;
      if (state.sessions.has(id)) throw new Error(`fake tracker: session ${id} exists`);
      nextSessionId = Math.max(nextSessionId, id + 1);
      const end = input.end == null ? null : toEpoch(input.end);
      state.sessions.set(id, {
        id,
        owner: token,
        active: input.active ?? end === null,
        start: toEpoch(input.start ?? "2026-02-01 00:00:00"),
        end,
        scheduledEnd: input.scheduledEnd == null ? null : toEpoch(input.scheduledEnd),
        lockedBy: input.lockedBy ?? null,
        public: input.public ?? false,
        notes: input.notes ?? null,
      });
      state.histories.set(id, []);
      return id;
    },
    addHistory(sessionId, items) {
      sessionOrThrow(sessionId);
      const list: StoredHistory[] = state.histories.get(sessionId) ?? [];
      for (const input of items) {
        if (input.happened === undefined) autoHappened += 1000;
        list.push(makeHistory(sessionId, seq++, input, autoHappened));
      }
      state.histories.set(sessionId, list);
    },
    addGameChanges(sessionId, changes) {
      sessionOrThrow(sessionId);
      const list = state.games.get(sessionId) ?? [];
      for (const input of changes) {
        if (input.happened === undefined) autoHappened += 1000;
        const id = input.id ?? nextGameChangeId++;
        nextGameChangeId = Math.max(nextGameChangeId, id + 1);
        list.push(makeGameChange(sessionId, id, input, autoHappened));
      }
      state.games.set(sessionId, list);
    },
    setSessionActive(sessionId, active) {
      const s = sessionOrThrow(sessionId);
      s.active = active;
      if (active) s.end = null;
    },
    endSession(sessionId, end = new Date()) {
      const s = sessionOrThrow(sessionId);
      s.active = false;
      s.end = end.getTime();
    },
    revokeToken(token) {
      const account = state.accounts.get(token);
      if (account) account.revoked = true;
    },
    failNext(n, kind, opts = {}) {
      if (n <= 0) return;
      faults.push({
        left: n,
        kind,
        ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
        ...(opts.session !== undefined ? { session: opts.session } : {}),
        retryAfter: opts.retryAfter ?? "2",
      });
    },
    refuseNext(n, refusal, opts = {}) {
      if (n <= 0) return;
      faults.push({
        left: n,
        kind: "refusal",
        ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
        retryAfter: "",
        refusal,
      });
    },
    setGameEnabled(sessionId, game, enabled) {
      sessionOrThrow(sessionId);
      if (enabled) play.disabled.delete(`${sessionId}|${game}`);
      else play.disabled.add(`${sessionId}|${game}`);
    },
    clearFaults() {
      faults.length = 0;
    },
    setRateLimit(limit) {
      rateLimit = limit;
    },
    get rateLimited() {
      return rateLimited;
    },
    resetRequests() {
      requests.length = 0;
    },
    async close() {
      faults.length = 0;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Hung requests keep their sockets open; close() must not wait for them.
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
