import { DiscordAPIError } from "discord.js";
import { type Locale, type MessageKey, t } from "../i18n/index.js";
import { findStoreWriteError, type StoreFaultKind } from "../store/writeErrors.js";
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
  const storeFault = findStoreWriteError(err);
  if (storeFault) {
    // The admin's side of it is already logged once by the store-health tracker.
    const reason = t(locale, storeFaultReasons[storeFault.kind]);
    return expected(t(locale, "storeFaults.cannotSave", { reason }));
  }
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

const storeFaultReasons: Record<StoreFaultKind, MessageKey> = {
  full: "storeFaults.reasonFull",
  readonly: "storeFaults.reasonReadonly",
  cantopen: "storeFaults.reasonCantopen",
  ioerr: "storeFaults.reasonIoerr",
  locked: "storeFaults.reasonLocked",
  other: "storeFaults.reasonOther",
};
