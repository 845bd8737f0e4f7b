import { DiscordAPIError } from "discord.js";
import {
  TrackerAuthError,
  TrackerError,
  TrackerForbiddenError,
  TrackerNotFoundError,
  TrackerRateLimitError,
  TrackerValidationError,
} from "../tracker/errors.js";
import { newErrorId, UserError } from "./errors.js";

export const relinkMessage =
  "Chastity Tracker no longer accepts your API token (it was revoked or regenerated). Create a new token on your tracker profile and run `/link` again.";

export const trackerDownMessage =
  "Chastity Tracker is not answering right now. Please try again in a few minutes.";

/**
 * The one mapping from errors to what a member reads. `expected` errors are
 * the member's to fix or the tracker's doing; the rest are our bugs and get an
 * id to quote.
 */
export function userMessageFor(err: unknown): { text: string; errorId: string; expected: boolean } {
  const errorId = newErrorId();
  if (err instanceof UserError) return { text: err.message, errorId, expected: true };
  if (err instanceof TrackerAuthError) return { text: relinkMessage, errorId, expected: true };
  if (err instanceof TrackerValidationError) {
    return {
      text: `Chastity Tracker refused the request: ${err.trackerMessage}`,
      errorId,
      expected: true,
    };
  }
  if (err instanceof TrackerForbiddenError || err instanceof TrackerNotFoundError) {
    return {
      text: "Chastity Tracker did not let you see that. Check the session number: only your own sessions can be read.",
      errorId,
      expected: true,
    };
  }
  if (err instanceof TrackerRateLimitError) {
    return {
      text: "Chastity Tracker asks us to slow down. Please try again in a minute.",
      errorId,
      expected: true,
    };
  }
  if (err instanceof TrackerError && err.kind !== "unexpected") {
    return { text: trackerDownMessage, errorId, expected: true };
  }
  if (err instanceof DiscordAPIError && (err.code === 50013 || err.code === 50001)) {
    return {
      text: "The bot is missing a permission for this. Ask a server admin to check its role and the channel's permissions.",
      errorId,
      expected: true,
    };
  }
  return {
    text: `Something went wrong on our side. If it keeps happening, give the server admin this error id: \`${errorId}\`.`,
    errorId,
    expected: false,
  };
}
