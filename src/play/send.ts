/**
 * Exactly once: a play is recorded as pending in the store, then sent, then its outcome is
 * recorded. The record's id is the interaction's id, so Discord re-sending the interaction
 * finds it and nothing is sent; a restart in between leaves it "unknown" (store start-up).
 */

import type { BotContext } from "../botContext.js";
import type { Clock } from "../util/clock.js";
import type { Logger } from "../log.js";
import type { PlayAttempt, PlayStore } from "../store/plays.js";
import {
  TrackerError,
  TrackerNetworkError,
  TrackerServerError,
  TrackerTimeoutError,
  TrackerUnexpectedResponseError,
} from "../tracker/errors.js";
import { failedBeforeSending } from "../tracker/http.js";
import type { PlayRequest, PlayResult, TrackerPlayer } from "../tracker/play.js";
import { runOf } from "../util/lastingDeadline.js";

export type PlayOutcome =
  | { kind: "done"; result: PlayResult }
  /** The tracker said no (any 4xx in its error envelope, 401/403/404/429): nothing changed. */
  | { kind: "refused"; error: TrackerError }
  /** Timeout, reset, 5xx, an answer we cannot read (a 4xx without the envelope): maybe applied. */
  | { kind: "unknown" }
  /** The connection failed before the request left: nothing was sent. */
  | { kind: "not_sent" }
  /** This interaction was handled before (Discord re-sent it, or the bot restarted). */
  | { kind: "repeat"; existing: PlayAttempt }
  /** The member voted on this panel within the cooldown, which ends `leftMs` from now. */
  | { kind: "cooldown"; last: PlayAttempt; leftMs: number };

export interface SendDeps {
  plays: PlayStore;
  tracker: TrackerPlayer;
  logger: Logger;
  /** The wall clock's date: for what is stored or shown. */
  wall: () => Date;
  /** Its monotonic reading goes with the attempt (the cooldown is judged on it in this run). */
  clock: Clock;
}

/** What a play needs from the bot's context. */
export const sendDepsOf = (ctx: BotContext): SendDeps => ({
  plays: ctx.store.plays,
  tracker: ctx.tracker,
  logger: ctx.logger,
  wall: ctx.wall,
  clock: ctx.clock,
});

export type NewAttempt = Omit<
  PlayAttempt,
  "state" | "createdAt" | "run" | "mono" | "seconds" | "scheduledEnd" | "multiplier"
>;

/** Did the POST possibly reach the tracker and get applied? */
function mayHaveApplied(err: unknown): boolean {
  if (err instanceof TrackerNetworkError) return !failedBeforeSending(err);
  return (
    err instanceof TrackerTimeoutError ||
    err instanceof TrackerServerError ||
    err instanceof TrackerUnexpectedResponseError ||
    !(err instanceof TrackerError)
  );
}

export async function sendPlayOnce(
  deps: SendDeps,
  attempt: NewAttempt,
  bearer: string | undefined,
  request: PlayRequest,
  cooldownLeft?: (vote: PlayAttempt) => number,
): Promise<PlayOutcome> {
  const { plays, logger } = deps;
  const refusal = await plays.begin(
    {
      ...attempt,
      state: "pending",
      createdAt: deps.wall().toISOString(),
      run: runOf(deps.clock),
      mono: deps.clock.now(),
      seconds: null,
      scheduledEnd: null,
      multiplier: null,
    },
    cooldownLeft,
  );
  if (refusal?.reason === "exists") return { kind: "repeat", existing: refusal.existing };
  if (refusal?.reason === "cooldown")
    return { kind: "cooldown", last: refusal.last, leftMs: refusal.leftMs };
  const log = { attemptId: attempt.id, kind: attempt.kind, game: attempt.game };
  try {
    const result = await deps.tracker.play(bearer, request);
    const signed = result.operation === "SUB" ? -result.seconds : result.seconds;
    await plays.finish(attempt.id, {
      state: "done",
      seconds: signed,
      scheduledEnd: result.scheduledEnd?.toISOString() ?? null,
      multiplier: result.multiplier,
      session: result.session,
    });
    logger.info({ ...log, seconds: signed }, "play sent");
    return { kind: "done", result };
  } catch (err) {
    if (mayHaveApplied(err)) {
      await plays.finish(attempt.id, { state: "unknown" });
      logger.warn({ ...log, err }, "play outcome unknown: not sent again");
      return { kind: "unknown" };
    }
    if (err instanceof TrackerNetworkError) {
      await plays.finish(attempt.id, { state: "not_sent" });
      logger.warn({ ...log, err }, "play not sent: tracker unreachable");
      return { kind: "not_sent" };
    }
    await plays.finish(attempt.id, { state: "refused" });
    const code = err instanceof TrackerError ? err.kind : "unknown";
    logger.info({ ...log, refusal: code, status: (err as TrackerError).status }, "play refused");
    return { kind: "refused", error: err as TrackerError };
  }
}
