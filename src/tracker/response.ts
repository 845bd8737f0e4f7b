/**
 * What a tracker answer means: its body (bounded), its status and envelope read into the value
 * the API promises or the typed error it stands for (http.ts sends the requests).
 */
import type { request } from "undici";
import type { z } from "zod";
import { systemClock } from "../util/clock.js";
import {
  scrubSecret,
  TrackerAuthError,
  type TrackerEndpoint,
  type TrackerError,
  TrackerForbiddenError,
  TrackerNotFoundError,
  TrackerRateLimitError,
  TrackerServerError,
  TrackerUnexpectedResponseError,
  TrackerValidationError,
} from "./errors.js";
import { describeIssues, envelopeSchema } from "./schemas.js";

/** A page of 200 items is ~50 KB; anything near this is not a tracker answer. */
const maxBodyBytes = 8 * 1024 * 1024;
const httpDate = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * Retry-After as delta-seconds or IMF-fixdate, in ms from `now`. A date from the tracker can
 * only be turned into a wait against the wall clock; the wait itself then runs monotonic.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now: number = systemClock.wall(),
): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  if (!httpDate.test(raw)) return undefined;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The typed error a non-2xx answer stands for. */
function errorFromStatus(
  endpoint: TrackerEndpoint,
  status: number,
  headers: Record<string, string | string[] | undefined>,
  envelope: z.infer<typeof envelopeSchema> | undefined,
  token: string,
): TrackerError {
  // Error bodies are optional: a proxy's HTML 502 has none, and that is fine.
  const err = envelope && !envelope.ok ? envelope.error : undefined;
  const code = err ? scrubSecret(err.code, token) : undefined;
  const message = err ? scrubSecret(err.message, token) : undefined;
  if (status === 400) {
    return new TrackerValidationError(
      endpoint,
      code ?? "bad_request",
      message || "The tracker rejected the request.",
      status,
    );
  }
  if (status === 401) return new TrackerAuthError(endpoint, code, message);
  if (status === 403) return new TrackerForbiddenError(endpoint, code, message);
  if (status === 404) return new TrackerNotFoundError(endpoint, code, message);
  if (status === 429)
    return new TrackerRateLimitError(endpoint, parseRetryAfter(headers["retry-after"]));
  if (status >= 500) return new TrackerServerError(endpoint, status);
  // Any other 4xx in the tracker's own error envelope (409 wait_time, 422, ...) is its
  // definite no, whatever the code: nothing was applied. Without the envelope it is unreadable.
  if (status >= 400 && err)
    return new TrackerValidationError(
      endpoint,
      code ?? "refused",
      message || "The tracker rejected the request.",
      status,
    );
  return new TrackerUnexpectedResponseError(endpoint, `HTTP ${status}`, status);
}

/** The answer's body, refused past `maxBodyBytes`. */
export async function readBody(
  endpoint: TrackerEndpoint,
  res: Awaited<ReturnType<typeof request>>,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBodyBytes) {
      res.body.destroy();
      throw new TrackerUnexpectedResponseError(endpoint, "body too large", res.statusCode);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** An answer as the API promises it (the v2 envelope, `schema` inside), or the typed error it is. */
export function decode<T>(
  endpoint: TrackerEndpoint,
  res: { statusCode: number; headers: Record<string, string | string[] | undefined> },
  raw: Buffer,
  token: string,
  schema: z.ZodType<T>,
): T {
  const status = res.statusCode;
  let json: unknown;
  let isJson = true;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    isJson = false;
  }
  const envelopeResult = isJson ? envelopeSchema.safeParse(json) : undefined;
  const envelope = envelopeResult?.success ? envelopeResult.data : undefined;
  if (status < 200 || status > 299) {
    throw errorFromStatus(endpoint, status, res.headers, envelope, token);
  }
  const type = String(res.headers["content-type"] ?? "unknown");
  if (!isJson) {
    throw new TrackerUnexpectedResponseError(endpoint, `body is not JSON (${type})`, status);
  }
  if (!envelope) {
    const issues = envelopeResult?.error ? describeIssues(envelopeResult.error) : [];
    throw new TrackerUnexpectedResponseError(endpoint, "not a v2 envelope", status, issues);
  }
  if (!envelope.ok) {
    // An error envelope under 2xx contradicts itself; its text is still the tracker's.
    const { code, message } = envelope.error;
    throw new TrackerValidationError(
      endpoint,
      scrubSecret(code, token),
      scrubSecret(message, token),
      status,
    );
  }
  const data = schema.safeParse(envelope.data);
  if (!data.success) {
    const issues = describeIssues(data.error);
    throw new TrackerUnexpectedResponseError(
      endpoint,
      `data does not match the ${endpoint} schema (${issues[0] ?? "?"})`,
      status,
      issues,
    );
  }
  return data.data;
}
