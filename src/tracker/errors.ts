/**
 * One class per failure mode so callers branch on `kind` (or instanceof) and
 * map to user text in one place. None of these ever hold the token, request
 * options or headers: undici errors are copied into a sanitized cause.
 */

export type TrackerEndpoint =
  | "histories"
  | "sessions"
  | "session"
  | "stats"
  | "games_changes"
  /** POST games.php: a play (dice, luck, link vote, dom play). */
  | "games";

export type TrackerErrorKind =
  | "validation"
  | "auth"
  | "forbidden"
  | "not-found"
  | "rate-limit"
  | "server"
  | "timeout"
  | "network"
  | "unexpected";

export abstract class TrackerError extends Error {
  abstract readonly kind: TrackerErrorKind;
  readonly endpoint: TrackerEndpoint | undefined;
  readonly status: number | undefined;

  constructor(
    message: string,
    endpoint: TrackerEndpoint | undefined,
    status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.endpoint = endpoint;
    this.status = status;
  }
}

/**
 * 400, or any other 4xx (409, 422, ...) whose body is the tracker's error envelope: the tracker
 * said no and applied nothing. `trackerMessage` is its own text, safe to show.
 */
export class TrackerValidationError extends TrackerError {
  readonly kind = "validation" as const;
  constructor(
    endpoint: TrackerEndpoint | undefined,
    readonly code: string,
    readonly trackerMessage: string,
    status?: number,
  ) {
    super(`Tracker rejected the request (${code}): ${trackerMessage}`, endpoint, status);
  }
}

/** A refusal that may carry the tracker's own error code and text (401, 403, 404). */
abstract class TrackerRefusalError extends TrackerError {
  constructor(
    message: string,
    endpoint: TrackerEndpoint | undefined,
    status: number,
    readonly code: string | undefined = undefined,
    readonly trackerMessage: string | undefined = undefined,
  ) {
    super(message, endpoint, status);
  }
}

/** 401: token missing, invalid, revoked or regenerated. The user must link again. */
export class TrackerAuthError extends TrackerRefusalError {
  readonly kind = "auth" as const;
  constructor(endpoint: TrackerEndpoint | undefined, code?: string, trackerMessage?: string) {
    super("Tracker refused the token (401)", endpoint, 401, code, trackerMessage);
  }
}

/** 403: documented only for write endpoints; a read-only token should never see it. */
export class TrackerForbiddenError extends TrackerRefusalError {
  readonly kind = "forbidden" as const;
  constructor(endpoint: TrackerEndpoint | undefined, code?: string, trackerMessage?: string) {
    super("Tracker denied access (403)", endpoint, 403, code, trackerMessage);
  }
}

/** 404: undocumented, but a plausible answer to `session?id=` for a session one may not see. */
export class TrackerNotFoundError extends TrackerRefusalError {
  readonly kind = "not-found" as const;
  constructor(endpoint: TrackerEndpoint | undefined, code?: string, trackerMessage?: string) {
    super("Tracker found nothing there (404)", endpoint, 404, code, trackerMessage);
  }
}

/** 429: never documented; honoured if it ever comes. Not retried by the client. */
export class TrackerRateLimitError extends TrackerError {
  readonly kind = "rate-limit" as const;
  constructor(
    endpoint: TrackerEndpoint | undefined,
    readonly retryAfterMs: number | undefined,
  ) {
    const after = retryAfterMs === undefined ? "" : `, retry after ${retryAfterMs} ms`;
    super(`Tracker rate limit (429${after})`, endpoint, 429);
  }
}

export class TrackerServerError extends TrackerError {
  readonly kind = "server" as const;
  constructor(endpoint: TrackerEndpoint | undefined, status: number) {
    super(`Tracker server error (${status})`, endpoint, status);
  }
}

export class TrackerTimeoutError extends TrackerError {
  readonly kind = "timeout" as const;
  constructor(
    endpoint: TrackerEndpoint | undefined,
    readonly timeoutMs: number,
  ) {
    super(`Tracker did not answer within ${timeoutMs} ms`, endpoint);
  }
}

export class TrackerNetworkError extends TrackerError {
  readonly kind = "network" as const;
  constructor(
    endpoint: TrackerEndpoint | undefined,
    readonly code: string | undefined,
    cause: Error,
  ) {
    super(`Tracker unreachable${code ? ` (${code})` : ""}`, endpoint, undefined, { cause });
  }
}

/** 2xx with bad JSON or an unexpected shape, or a status the docs do not explain. */
export class TrackerUnexpectedResponseError extends TrackerError {
  readonly kind = "unexpected" as const;
  constructor(
    endpoint: TrackerEndpoint | undefined,
    detail: string,
    status?: number,
    readonly issues: readonly string[] = [],
  ) {
    super(`Unexpected tracker response: ${detail}`, endpoint, status);
  }
}

export function isTrackerError(err: unknown): err is TrackerError {
  return err instanceof TrackerError;
}

/** Failures the client retries itself on GETs: the same request may well work a moment later. */
export function isRetryable(err: unknown): boolean {
  return (
    err instanceof TrackerServerError ||
    err instanceof TrackerTimeoutError ||
    err instanceof TrackerNetworkError
  );
}

/**
 * Failures a poller should treat as "try again next tick" rather than as a
 * broken account: the retryable ones plus 429 (which wants `retryAfterMs`).
 */
export function isTransient(err: unknown): boolean {
  return isRetryable(err) || err instanceof TrackerRateLimitError;
}

/**
 * Copies what is useful out of a low-level error (name, code, message) into a
 * fresh Error, so nothing reachable from our error points at undici's request
 * state. `secret` is scrubbed from the message in case something echoed it.
 */
export function sanitizeCause(err: unknown, secret: string): Error & { code?: string } {
  const name = err instanceof Error ? err.name : "Error";
  const raw = err instanceof Error ? err.message : String(err);
  const code =
    typeof err === "object" && err !== null && "code" in err && typeof err.code === "string"
      ? err.code
      : undefined;
  const safe: Error & { code?: string } = new Error(scrubSecret(raw, secret));
  safe.name = name;
  if (code !== undefined) safe.code = code;
  return safe;
}

/** Replaces every occurrence of `secret` (if non-empty) in `text`. */
export function scrubSecret(text: string, secret: string): string {
  return secret.length > 0 ? text.split(secret).join("[redacted]") : text;
}
