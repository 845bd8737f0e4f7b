import { DiscordAPIError } from "discord.js";
import { type Locale, t } from "../i18n/index.js";
import {
  TrackerAuthError,
  TrackerError,
  TrackerForbiddenError,
  TrackerNotFoundError,
  TrackerRateLimitError,
  TrackerValidationError,
} from "../tracker/errors.js";
import { newErrorId, UserError } from "./errors.js";

/**
 * The one mapping from errors to what a member reads, in the member's
 * language. `expected` errors are the member's to fix or the tracker's doing;
 * the rest are our bugs and get an id to quote.
 */
export function userMessageFor(
  err: unknown,
  locale: Locale,
): { text: string; errorId: string; expected: boolean } {
  const errorId = newErrorId();
  const expected = (text: string) => ({ text, errorId, expected: true });
  if (err instanceof UserError) return expected(err.textIn(locale));
  if (err instanceof TrackerAuthError) return expected(t(locale, "errors.relink"));
  if (err instanceof TrackerValidationError) {
    // The reason is the tracker's own text (in its language), cleaned by the tracker client.
    return expected(t(locale, "errors.trackerRefused", { reason: err.trackerMessage }));
  }
  if (err instanceof TrackerForbiddenError || err instanceof TrackerNotFoundError) {
    return expected(t(locale, "errors.trackerForbidden"));
  }
  if (err instanceof TrackerRateLimitError) return expected(t(locale, "errors.trackerRateLimit"));
  if (err instanceof TrackerError && err.kind !== "unexpected") {
    return expected(t(locale, "errors.trackerDown"));
  }
  if (err instanceof DiscordAPIError && (err.code === 50013 || err.code === 50001)) {
    return expected(t(locale, "errors.missingPermission"));
  }
  return { text: t(locale, "errors.unexpected", { errorId }), errorId, expected: false };
}
