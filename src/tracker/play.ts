/**
 * Playing (`POST /api/v2/games.php`): dice and luck for the wearer, a public link-game vote,
 * a dom's play. The request body follows the docs exactly; what to send on whose behalf is
 * decided by the caller (src/play), never here.
 */
import { z } from "zod";
import { TrackerValidationError } from "./errors.js";
import { wireDate, wireInt } from "./schemas.js";

export const playGames = ["dice", "luck", "link"] as const;
export type PlayGame = (typeof playGames)[number];

export const voteTypes = ["add", "sub", "rand"] as const;
export type VoteType = (typeof voteTypes)[number];

export interface PlayRequest {
  game: PlayGame;
  /** 1: the bearer plays as the owner's dom; 0: the owner plays, or (link) a public vote. */
  dom: boolean;
  session?: number | undefined;
  /** The wearer's PUBLIC link-game token (link, dom=0). */
  token?: string | undefined;
  type?: VoteType | undefined;
}

export interface PlayResult {
  session: number;
  dom: boolean;
  operation: "ADD" | "SUB";
  seconds: number;
  scheduledEnd: Date | null;
  multiplier: number | null;
}

export interface TrackerPlayer {
  /** One POST, sent at most once (see http.ts `post`). `bearer` undefined: no Authorization. */
  play(bearer: string | undefined, request: PlayRequest): Promise<PlayResult>;
}

const wireNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

export const playDataSchema = z
  .looseObject({
    session: wireInt,
    dom: z.union([z.literal([0, 1, "0", "1"]), z.boolean()]).optional(),
    operation: z
      .string()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(["ADD", "SUB"])),
    seconds: wireNumber,
    scheduledend_utc: z.union([wireDate, z.null(), z.literal("")]).optional(),
    multiplier: wireNumber.nullish().catch(null),
  })
  .transform(
    (d): PlayResult => ({
      session: d.session,
      dom: d.dom === true || d.dom === 1 || d.dom === "1",
      operation: d.operation,
      seconds: Math.abs(d.seconds),
      scheduledEnd: d.scheduledend_utc instanceof Date ? d.scheduledend_utc : null,
      multiplier: d.multiplier ?? null,
    }),
  );

/** The JSON body, checked locally so a mistake never costs (or spends) a request. */
export function playBody(request: PlayRequest): Record<string, unknown> {
  const { game, dom, session, token, type } = request;
  const fail = (code: string, message: string) => {
    throw new TrackerValidationError("games", code, message);
  };
  if (session !== undefined && (!Number.isSafeInteger(session) || session <= 0))
    fail("invalid_session", "session must be a positive whole number.");
  if (game === "link" && type === undefined) fail("missing_type", "type is required for link.");
  if (game === "link" && !dom && !token) fail("missing_token", "token is required for a vote.");
  if ((game !== "link" || dom) && session === undefined)
    fail("missing_session", "session is required.");
  return {
    game,
    dom: dom ? 1 : 0,
    ...(session !== undefined && { session }),
    ...(game === "link" && !dom && { token }),
    ...(game === "link" && { type }),
  };
}
