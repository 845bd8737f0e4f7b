/**
 * The tracker's health as the poller sees it: every read's outcome (the poller's own, and a
 * member's through `siteEvidence`) is evidence for the breaker (src/tracker/breaker.ts), which
 * makes the tracker down for everyone one outage with one probe; a failure of one source that
 * is not the site's stays that source's own backoff (its schedule record).
 */
import { isSiteWide } from "../../tracker/breaker.js";
import { TrackerAuthError, TrackerRateLimitError } from "../../tracker/errors.js";
import type { SettledReadOutcome } from "../../tracker/types.js";
import { errorSummary } from "../../util/errorSummary.js";
import type { SourceContext, TickState } from "../loop/sources.js";

/**
 * Records a failed tracker call: a 401 marks the user for pausing, anything
 * else starts or extends the key's backoff (warned once per streak).
 */
export function trackerFailed(
  ctx: SourceContext,
  tick: TickState,
  key: string,
  userId: string,
  err: unknown,
  fields: Record<string, unknown>,
): void {
  if (err instanceof TrackerAuthError) {
    tick.authFailed.add(userId);
    return;
  }
  const nowMs = ctx.mono();
  if (isSiteWide(err) && siteFailed(ctx, key, nowMs, err, fields)) return;
  const retryAfter = err instanceof TrackerRateLimitError ? err.retryAfterMs : undefined;
  const cause = isSiteWide(err) ? siteCause : undefined;
  const info = ctx.schedule.failed(key, nowMs, retryAfter, cause);
  const log = { ...fields, userId, failures: info.failures, retryInMs: info.retryAt - nowMs };
  if (info.first)
    ctx.logger.warn({ ...log, err: errorSummary(err) }, "tracker failing; backing off");
  else ctx.logger.debug({ ...log, err: errorSummary(err) }, "tracker still failing");
}

const siteCause = "site";

/** True when the breaker owns this failure (it is open now): no backoff of the source's own. */
function siteFailed(
  ctx: SourceContext,
  key: string,
  nowMs: number,
  err: unknown,
  fields: Record<string, unknown>,
): boolean {
  const { opened } = ctx.breaker.failed(key, nowMs);
  const snapshot = ctx.breaker.snapshot();
  if (opened) {
    // From now on the breaker is the one backoff: the sources' own site-wide streaks end.
    ctx.schedule.forgive(siteCause);
    const probeInMs = (snapshot.probeAt ?? nowMs) - nowMs;
    ctx.logger.warn(
      { ...fields, err: errorSummary(err), probeInMs },
      "tracker failing for every session or several; all reads paused, probing with one request",
    );
  } else if (snapshot.state !== "closed") {
    ctx.logger.debug({ ...fields, err: errorSummary(err) }, "tracker probe failed");
  }
  return snapshot.state !== "closed";
}

export function trackerRecovered(
  ctx: SourceContext,
  key: string,
  fields: Record<string, unknown>,
): void {
  siteAnswered(ctx);
  const streak = ctx.schedule.succeeded(key);
  if (streak === undefined) return;
  const downMs = ctx.mono() - streak.sinceMs;
  ctx.logger.info({ ...fields, failures: streak.failures, downMs }, "tracker recovered");
}

/**
 * A success: closes the breaker when it was open. The first success proves the site is back:
 * everyone is due now (the budget paces them), and no source waits on a backoff the outage
 * caused. Returns whether it closed the breaker.
 */
function siteAnswered(
  ctx: Pick<SourceContext, "breaker" | "schedule" | "logger" | "mono">,
): boolean {
  const back = ctx.breaker.succeeded(ctx.mono());
  if (!back.closed) return false;
  ctx.schedule.forgive(siteCause, true);
  ctx.logger.info({ downMs: back.downMs }, "tracker back; every session is read again now");
  return true;
}

/** The one source a member's reads (`/histories`, autocomplete, …) count as for the breaker. */
export const interactiveSource = "interactive";

/**
 * A member's read as evidence both ways: a site-wide failure feeds the breaker, a success
 * closes it (`wake` then brings the poller's next tick forward). The poller's own reads
 * (background) report through trackerFailed / trackerRecovered instead.
 */
export function siteEvidence(
  ctx: Pick<SourceContext, "breaker" | "schedule" | "logger" | "mono">,
  read: SettledReadOutcome,
  wake: () => void,
): void {
  if (read.priority !== "interactive") return;
  if (read.err === undefined) {
    if (siteAnswered(ctx)) wake();
    return;
  }
  if (!isSiteWide(read.err)) return;
  const { opened } = ctx.breaker.failed(interactiveSource, ctx.mono());
  if (opened) {
    ctx.schedule.forgive(siteCause);
    ctx.logger.warn(
      { err: errorSummary(read.err) },
      "tracker failing for several reads; all reads paused, probing with one request",
    );
  }
}
