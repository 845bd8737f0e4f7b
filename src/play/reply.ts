/** What a member reads after a play: the result, or why there is none. */
import { formatDuration } from "../format/duration.js";
import { discordTimestamp } from "../format/items.js";
import { inert } from "../format/untrusted.js";
import { type Locale, type MessageKey, translator } from "../i18n/index.js";
import {
  scrubSecret,
  TrackerAuthError,
  type TrackerError,
  TrackerRateLimitError,
} from "../tracker/errors.js";
import type { PlayGame, PlayResult } from "../tracker/play.js";
import type { PlayOutcome } from "./send.js";

const gameKeys = {
  dice: "play.gameDice",
  luck: "play.gameLuck",
  link: "play.gameLink",
} as const satisfies Record<PlayGame, MessageKey>;

/** Multipliers may be fractional (1.5): up to two decimals, in the language's own form. */
const formatMultiplier = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

function resultText(game: PlayGame, result: PlayResult, locale: Locale): string {
  const tr = translator(locale);
  const amount = formatDuration(result.seconds, locale);
  const lines = [
    tr(result.operation === "ADD" ? "play.added" : "play.removed", {
      game: tr(gameKeys[game]),
      amount,
    }),
  ];
  if (result.multiplier !== null && result.multiplier !== 1)
    lines.push(tr("play.multiplier", { value: formatMultiplier(result.multiplier, locale) }));
  lines.push(
    result.scheduledEnd
      ? tr("play.release", {
          at: discordTimestamp(result.scheduledEnd, "f"),
          relative: discordTimestamp(result.scheduledEnd, "R"),
        })
      : tr("play.noRelease"),
  );
  return lines.join("\n");
}

/**
 * The tracker's refusal in its own words, made inert (it is text people typed, or the site's),
 * with `secret` (a public link token it might echo) removed.
 */
export function refusalText(err: TrackerError, locale: Locale, secret = ""): string {
  const tr = translator(locale);
  if (err instanceof TrackerRateLimitError) return tr("play.rateLimited");
  // 401 is about the member's own token (a vote without one cannot get it): /link again.
  if (err instanceof TrackerAuthError) return tr("play.relink");
  const message = "trackerMessage" in err ? err.trackerMessage : undefined;
  if (typeof message === "string" && message.trim() !== "")
    return tr("play.refused", { reason: inert(scrubSecret(message, secret), 300) });
  return tr("play.refusedNoReason");
}

/** Text for every outcome except "cooldown" (the vote handler words that one itself). */
export function outcomeText(
  game: PlayGame,
  outcome: Exclude<PlayOutcome, { kind: "cooldown" }>,
  locale: Locale,
  secret = "",
): string {
  const tr = translator(locale);
  switch (outcome.kind) {
    case "done":
      return resultText(game, outcome.result, locale);
    case "refused":
      return refusalText(outcome.error, locale, secret);
    case "unknown":
      return tr("play.unknown");
    case "not_sent":
      return tr("play.notSent");
    case "repeat":
      return tr("play.repeat");
  }
}
