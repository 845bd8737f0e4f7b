/**
 * The HTTP core of the tracker client: one keep-alive undici Agent, one
 * deadline per attempt (headers and body), response classification into
 * typed errors, and bounded jittered retries for transient failures.
 */
import type { Logger } from "pino";
import { Agent, request } from "undici";
import type { z } from "zod";
import { backoffDelay } from "../util/backoff.js";
import type { RequestBudget } from "./budget.js";
import {
  isRetryable,
  sanitizeCause,
  TrackerAuthError,
  type TrackerEndpoint,
  TrackerError,
  TrackerNetworkError,
  TrackerRateLimitError,
  TrackerTimeoutError,
} from "./errors.js";
import { currentTrackerPriority, type TrackerPriority } from "./priority.js";
import { currentRequestReason, type RequestReason } from "./reason.js";
import { decode, readBody } from "./response.js";

export interface TrackerRequestInfo {
  endpoint: TrackerEndpoint;
  /** "ok" or the TrackerError kind of the failed attempt. */
  outcome: string;
  status?: number;
  durationMs: number;
  /** Why it was made (reason.ts): every attempt counts, retries included. */
  reason?: RequestReason;
}

/** A GET's final outcome (after its retries), with who waited on it: the site's health as a read saw it. */
export interface SettledRead {
  endpoint: TrackerEndpoint;
  priority: TrackerPriority;
  /** Undefined when it succeeded. */
  err: unknown;
}

export interface TrackerHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  retries: number;
  retryBaseMs: number;
  connections: number;
  userAgent: string;
  logger?: Logger | undefined;
  onRequest?: ((info: TrackerRequestInfo) => void) | undefined;
  /** Every attempt waits for a start slot here; a 429 pauses it. */
  budget?: RequestBudget | undefined;
  /** Called once per GET with its final outcome. */
  onSettled?: ((read: SettledRead) => void) | undefined;
}

export interface TrackerHttp {
  get<T>(
    endpoint: TrackerEndpoint,
    path: string,
    params: URLSearchParams,
    token: string,
    schema: z.ZodType<T>,
  ): Promise<T>;
  /**
   * One POST that must reach the tracker at most once: retried only when the connection failed
   * before the request could have been sent (see `notSentCodes`); never after a timeout or 5xx.
   * `token` undefined sends no Authorization header at all.
   */
  post<T>(
    endpoint: TrackerEndpoint,
    path: string,
    body: Record<string, unknown>,
    token: string | undefined,
    schema: z.ZodType<T>,
  ): Promise<T>;
  close(): Promise<void>;
}

/** Connection failures that happen before a single byte of the request left: safe to resend. */
const notSentCodes = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

export function failedBeforeSending(err: unknown): boolean {
  return err instanceof TrackerNetworkError && err.code !== undefined && notSentCodes.has(err.code);
}

const maxBackoffMs = 30_000;
const timeoutCodes = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
/** RFC 7230 token68-ish: anything else cannot be a valid bearer token and must not reach a header. */
const plausibleToken = /^[\x21-\x7e]+$/;

/** Before retry `attempt` + 1: "equal jitter", half the doubling delay fixed, half random, so retries spread out. */
export function retryDelay(attempt: number, baseMs: number, random: () => number): number {
  return backoffDelay(attempt + 1, { baseMs, maxMs: maxBackoffMs, random, jitter: "equal" });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createTrackerHttp(options: TrackerHttpOptions): TrackerHttp {
  const { timeoutMs, logger, onRequest } = options;
  const base = options.baseUrl.replace(/\/+$/, "");
  // undici's own timeouts are a backstop; the AbortController below is the real deadline.
  const agent = new Agent({
    connections: options.connections,
    headersTimeout: timeoutMs + 1000,
    bodyTimeout: timeoutMs + 1000,
  });
  let closing: Promise<void> | undefined;

  /** One request and its answer within `timeoutMs`; every failure becomes a TrackerError. */
  async function attempt<T>(
    endpoint: TrackerEndpoint,
    url: string,
    token: string | undefined,
    schema: z.ZodType<T>,
    body?: string,
  ): Promise<{ value: T; status: number }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      const res = await request(url, {
        dispatcher: agent,
        method: body === undefined ? "GET" : "POST",
        headers: {
          ...(token !== undefined && { authorization: `Bearer ${token}` }),
          ...(body !== undefined && { "content-type": "application/json" }),
          accept: "application/json",
          "user-agent": options.userAgent,
        },
        ...(body !== undefined && { body }),
        signal: controller.signal,
      });
      const raw = await readBody(endpoint, res);
      return { value: decode(endpoint, res, raw, token ?? "", schema), status: res.statusCode };
    } catch (err) {
      if (err instanceof TrackerError) throw err;
      const cause = sanitizeCause(err, token ?? "");
      if (timedOut || (cause.code !== undefined && timeoutCodes.has(cause.code))) {
        throw new TrackerTimeoutError(endpoint, timeoutMs);
      }
      throw new TrackerNetworkError(endpoint, cause.code, cause);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One attempt inside the budget; `send` keeps it counted until its answer is in. */
  async function budgeted<T>(priority: TrackerPriority, run: () => Promise<T>): Promise<T> {
    const budget = options.budget;
    if (budget?.send) return budget.send(priority, run);
    await budget?.acquire(priority);
    return run();
  }

  /** A token that cannot be valid never reaches a header (nor the tracker). */
  function checkToken(endpoint: TrackerEndpoint, token: string): void {
    if (!plausibleToken.test(token)) {
      throw new TrackerAuthError(
        endpoint,
        "invalid_token_format",
        "The token has an invalid format.",
      );
    }
  }

  /** Reports a successful attempt; returns its duration (ms). */
  function attemptOk(endpoint: TrackerEndpoint, status: number, started: number): number {
    const durationMs = Math.round(performance.now() - started);
    onRequest?.({ endpoint, outcome: "ok", status, durationMs, reason: currentRequestReason() });
    return durationMs;
  }

  /** Reports a failed attempt (and a 429 to the budget); returns what the log lines say of it. */
  function attemptFailed(endpoint: TrackerEndpoint, err: unknown, durationMs: number) {
    const kind = err instanceof TrackerError ? err.kind : "unknown";
    const status = err instanceof TrackerError ? err.status : undefined;
    const reason = currentRequestReason();
    onRequest?.({ endpoint, outcome: kind, ...(status ? { status } : {}), durationMs, reason });
    if (err instanceof TrackerRateLimitError) options.budget?.rateLimited(err.retryAfterMs);
    return { kind, status };
  }

  return {
    async get(endpoint, path, params, token, schema) {
      if (closing) throw new Error("tracker client is closed");
      checkToken(endpoint, token);
      const query = params.toString();
      const url = `${base}${path}${query ? `?${query}` : ""}`;
      const priority = currentTrackerPriority();
      for (let n = 0; ; n++) {
        // Measured from the start slot: the wait in the budget's queue is not the tracker's.
        let started = performance.now();
        try {
          const { value, status } = await budgeted(priority, () => {
            started = performance.now();
            return attempt(endpoint, url, token, schema);
          });
          const durationMs = attemptOk(endpoint, status, started);
          logger?.debug({ endpoint, status, durationMs }, "tracker request");
          options.onSettled?.({ endpoint, priority, err: undefined });
          return value;
        } catch (err) {
          const durationMs = Math.round(performance.now() - started);
          const { kind, status } = attemptFailed(endpoint, err, durationMs);
          // A probe of a tracker that is down is answered by its first failure: the next
          // probe, at the breaker's pace, is the retry (src/poller/schedule/trackerHealth.ts).
          const retries = currentRequestReason() === "probe" ? 0 : options.retries;
          if (!isRetryable(err) || n >= retries || closing) {
            logger?.debug(
              { endpoint, kind, status, durationMs, attempt: n + 1 },
              "tracker request failed",
            );
            options.onSettled?.({ endpoint, priority, err });
            throw err;
          }
          const delay = retryDelay(n, options.retryBaseMs, Math.random);
          logger?.warn(
            { endpoint, kind, status, attempt: n + 1, delay },
            "tracker request, retrying",
          );
          await sleep(delay);
        }
      }
    },
    async post(endpoint, path, body, token, schema) {
      if (closing) throw new Error("tracker client is closed");
      if (token !== undefined) checkToken(endpoint, token);
      const url = `${base}${path}`;
      const json = JSON.stringify(body);
      const priority = currentTrackerPriority();
      for (let n = 0; ; n++) {
        await options.budget?.acquire(priority);
        const started = performance.now();
        try {
          const { value, status } = await attempt(endpoint, url, token, schema, json);
          attemptOk(endpoint, status, started);
          return value;
        } catch (err) {
          const durationMs = Math.round(performance.now() - started);
          const { kind } = attemptFailed(endpoint, err, durationMs);
          // No idempotency key on the tracker: only a request that never left may go again.
          if (!failedBeforeSending(err) || n >= options.retries || closing) throw err;
          const delay = retryDelay(n, options.retryBaseMs, Math.random);
          logger?.warn(
            { endpoint, kind, attempt: n + 1, delay },
            "tracker POST not sent, retrying",
          );
          await sleep(delay);
        }
      }
    },
    close() {
      closing ??= agent.close();
      return closing;
    },
  };
}
