/**
 * The fake tracker's `POST /api/v2/games.php`, as its docs describe it, with choices where
 * they are silent (the tests rely on these):
 * - validation failures are 400 with a message; an unknown or revoked bearer is 401; a bearer
 *   required but missing is 401; a read-only token is 403 "missing write permission";
 * - DICE/LUCK dom=0: the bearer must own the session; dom=1 (and LINK dom=1): the bearer's nick
 *   must be the session's `lockedBy` (the fake's dom link); otherwise 400 `not_owner`/`not_dom`;
 * - LINK dom=0: the session is the token owner's active one; a bearer of the session's owner
 *   turns the vote into a PENALTY (type add, multiplier 3); a bearer-identified voter may vote
 *   `votesPerVoter` times per session (then 400 `vote_limit`); anonymous votes are not limited;
 * - a DICE/LUCK play waits `waitSeconds` per (session, game, dom): 409 `wait_time`, worded as
 *   the real tracker words it ("Wait time not over: the next dice play is possible in ...");
 * - a game the wearer switched off (`disabled`, `session|game`) is 409 `game_disabled`; a
 *   session that is not running is 409 `session_not_active`;
 * - amounts are fixed so tests can assert them: dice +3600 s, luck +1800 s, link add/rand
 *   +600 s, link sub -600 s; every play writes one history item and moves `scheduledEnd`.
 */
import type { FakeHistoryInput, StoredSession } from "./trackerData.js";
import { envelopeError, type FakeReply, type TrackerState } from "./trackerRoutes.js";

export interface FakePlayOptions {
  waitSeconds?: number;
  votesPerVoter?: number;
}

export interface PlayContext {
  state: TrackerState;
  options: FakePlayOptions;
  now: () => number;
  addHistory(sessionId: number, item: FakeHistoryInput): void;
  /** Plays already made: `session|game|dom` -> last time; voter -> count. */
  lastPlay: Map<string, number>;
  votes: Map<string, number>;
  /** Games switched off, as `session|game`. */
  disabled: Set<string>;
}

class Refusal {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

const wire = (epoch: number) => new Date(epoch).toISOString().slice(0, 19).replace("T", " ");

function readBody(raw: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new Refusal(400, "invalid_json", "Request body must be JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new Refusal(400, "invalid_json", "Request body must be a JSON object");
  const b = body as Record<string, unknown>;
  const game = b.game;
  if (game !== "dice" && game !== "luck" && game !== "link")
    throw new Refusal(400, "invalid_game", "game must be dice, luck or link");
  if (b.dom !== 0 && b.dom !== 1) throw new Refusal(400, "invalid_dom", "dom must be 0 or 1");
  if (game === "link" && !["add", "sub", "rand"].includes(String(b.type)))
    throw new Refusal(400, "invalid_type", "type must be add, sub or rand");
  if (game === "link" && b.dom === 0 && (typeof b.token !== "string" || b.token === ""))
    throw new Refusal(400, "missing_token", "token is required for a public vote");
  const needsSession = game !== "link" || b.dom === 1;
  if (b.session !== undefined && !(Number.isInteger(b.session) && (b.session as number) > 0))
    throw new Refusal(400, "invalid_session", "session must be a positive integer");
  if (needsSession && b.session === undefined)
    throw new Refusal(400, "missing_session", "session is required");
  return b;
}

function findSession(ctx: PlayContext, b: Record<string, unknown>): StoredSession {
  if (b.game === "link" && b.dom === 0) {
    const owner = [...ctx.state.accounts.entries()].find(([, a]) => a.linkToken === b.token);
    if (!owner) throw new Refusal(400, "invalid_token", "Link game not found");
    const active = [...ctx.state.sessions.values()].find((s) => s.owner === owner[0] && s.active);
    if (!active || (b.session !== undefined && b.session !== active.id))
      throw new Refusal(409, "session_not_active", "This lock is not running");
    return active;
  }
  const s = ctx.state.sessions.get(b.session as number);
  if (!s) throw new Refusal(400, "session_not_found", "Session not found");
  if (!s.active) throw new Refusal(409, "session_not_active", "This lock is not running");
  return s;
}

/** "Wait time not over: the next dice play is possible in 59 min 57 s" (the tracker's words). */
function waitText(game: string, leftMs: number): string {
  const s = Math.ceil(leftMs / 1000);
  return `Wait time not over: the next ${game} play is possible in ${Math.floor(s / 60)} min ${s % 60} s`;
}

function amountOf(b: Record<string, unknown>): number {
  if (b.game === "dice") return 3600;
  if (b.game === "luck") return 1800;
  return b.type === "sub" ? -600 : 600;
}

export function handlePlay(
  ctx: PlayContext,
  method: string,
  bearer: string | undefined,
  raw: string,
): FakeReply {
  try {
    if (method !== "POST") throw new Refusal(405, "method_not_allowed", "Method not allowed");
    const b = readBody(raw);
    const account = bearer === undefined ? undefined : ctx.state.accounts.get(bearer);
    if (bearer !== undefined && (!account || account.revoked))
      throw new Refusal(401, "unauthorized", "Missing or invalid token");
    const publicVote = b.game === "link" && b.dom === 0;
    if (!publicVote && !account) throw new Refusal(401, "unauthorized", "Missing or invalid token");
    if (account?.readOnly) throw new Refusal(403, "forbidden", "missing write permission");
    const session = findSession(ctx, b);
    if (ctx.disabled.has(`${session.id}|${String(b.game)}`))
      throw new Refusal(409, "game_disabled", `The ${String(b.game)} game is off for this lock`);
    const ownerBearer = bearer !== undefined && bearer === session.owner;
    if (!publicVote && b.dom === 0 && !ownerBearer)
      throw new Refusal(400, "not_owner", "You do not own this session");
    if (b.dom === 1 && (account === undefined || session.lockedBy !== account.nick))
      throw new Refusal(400, "not_dom", "You are not the dom of this session");
    const penalty = publicVote && ownerBearer;
    const now = ctx.now();
    if (!publicVote) {
      const key = `${session.id}|${String(b.game)}|${String(b.dom)}`;
      const last = ctx.lastPlay.get(key);
      const waitMs = (ctx.options.waitSeconds ?? 3600) * 1000;
      if (last !== undefined && now - last < waitMs)
        throw new Refusal(409, "wait_time", waitText(String(b.game), last + waitMs - now));
      ctx.lastPlay.set(key, now);
    } else if (bearer !== undefined && !penalty) {
      const key = `${session.id}|${bearer}`;
      const count = ctx.votes.get(key) ?? 0;
      if (count >= (ctx.options.votesPerVoter ?? 1))
        throw new Refusal(400, "vote_limit", "You have already voted on this lock");
      ctx.votes.set(key, count + 1);
    }
    const multiplier = penalty ? 3 : 1;
    const seconds = penalty ? 600 * multiplier : amountOf(b);
    const end = (session.scheduledEnd ?? now) + seconds * 1000;
    session.scheduledEnd = Math.floor(end / 1000) * 1000;
    ctx.addHistory(session.id, {
      type: seconds < 0 ? "SUB" : "ADD",
      unit: Math.abs(seconds),
      source: penalty ? "PENALTY" : (String(b.game).toUpperCase() as "DICE" | "LUCK" | "LINK"),
      dom: b.dom === 1,
      schedule: new Date(session.scheduledEnd),
      happened: new Date(now),
    });
    return {
      status: 200,
      body: {
        ok: true,
        data: {
          session: session.id,
          dom: b.dom,
          operation: seconds < 0 ? "SUB" : "ADD",
          seconds: Math.abs(seconds),
          scheduledend_utc: wire(session.scheduledEnd),
          multiplier,
        },
        meta: { version: 2 },
      },
    };
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    return envelopeError(err.status, err.code, err.message);
  }
}
