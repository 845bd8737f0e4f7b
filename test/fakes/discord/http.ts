import type { IncomingMessage, ServerResponse } from "node:http";
import type { DiscordErrorSpec, RecordedFile } from "./types.js";

/** Thrown by route handlers; answered as Discord's `{ message, code }` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  static from(spec: DiscordErrorSpec): ApiError {
    return new ApiError(spec.status, spec.code, spec.message, spec.errors, spec.retryAfter);
  }

  body(): Record<string, unknown> {
    return {
      message: this.message,
      code: this.code,
      ...(this.errors === undefined ? {} : { errors: this.errors }),
      ...(this.retryAfter === undefined ? {} : { retry_after: this.retryAfter, global: false }),
    };
  }

  /** A rate-limit answer's headers, as Discord sends them (the channel limiter's bucket). */
  headers(): Record<string, string> {
    if (this.retryAfter === undefined) return {};
    return {
      "retry-after": String(Math.ceil(this.retryAfter)),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset-after": this.retryAfter.toFixed(3),
      "x-ratelimit-bucket": "80c17d2f203122d936070c88c8d10f33",
      "x-ratelimit-scope": "user",
    };
  }
}

export const Errors = {
  unauthorized: () => new ApiError(401, 0, "401: Unauthorized"),
  notFound: () => new ApiError(404, 0, "404: Not Found"),
  unknownApplication: () => new ApiError(404, 10002, "Unknown Application"),
  unknownChannel: () => new ApiError(404, 10003, "Unknown Channel"),
  unknownGuild: () => new ApiError(404, 10004, "Unknown Guild"),
  unknownMember: () => new ApiError(404, 10007, "Unknown Member"),
  unknownMessage: () => new ApiError(404, 10008, "Unknown Message"),
  unknownUser: () => new ApiError(404, 10013, "Unknown User"),
  unknownWebhook: () => new ApiError(404, 10015, "Unknown Webhook"),
  unknownInteraction: () => new ApiError(404, 10062, "Unknown interaction"),
  missingAccess: () => new ApiError(403, 50001, "Missing Access"),
  cannotEditOthers: () =>
    new ApiError(403, 50005, "Cannot edit a message authored by another user"),
  emptyMessage: () => new ApiError(400, 50006, "Cannot send an empty message"),
  cannotDm: () => new ApiError(403, 50007, "Cannot send messages to this user"),
  missingPermissions: () => new ApiError(403, 50013, "Missing Permissions"),
  alreadyAcknowledged: () => new ApiError(400, 40060, "Interaction has already been acknowledged."),
};

/** A parsed request body: JSON, or multipart with `payload_json` and files. */
export interface ParsedBody {
  body: unknown;
  files: RecordedFile[];
}

export async function readBody(req: IncomingMessage): Promise<ParsedBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data")) return readMultipart(raw, type);
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [] };
  } catch {
    throw new ApiError(400, 50109, "The request body contains invalid JSON.");
  }
}

async function readMultipart(raw: Buffer, contentType: string): Promise<ParsedBody> {
  const form = await new Request("http://fake/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: raw,
  }).formData();
  let body: unknown;
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
    } else {
      const data = Buffer.from(await value.arrayBuffer());
      files.push({ field, name: value.name, size: value.size, contentType: value.type, data });
    }
  }
  return { body, files };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status === 200 ? 204 : status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text).toString(),
  });
  res.end(text);
}

/** Field readers for untyped JSON bodies. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
