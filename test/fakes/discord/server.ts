import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { channelRoutes } from "./channelRoutes.js";
import { applicationRoutes } from "./commands.js";
import type { FakeCore, Route } from "./core.js";
import { guildRoutes } from "./guildRoutes.js";
import { ApiError, Errors, readBody, sendJson } from "./http.js";
import { interactionRoutes } from "./interactionRoutes.js";
import { discordNow } from "./limits.js";
import { validateAgainstSpec } from "./openapi.js";
import { roleRoutes } from "./roleRoutes.js";
import type { RecordedRequest } from "./types.js";

const PREFIX = "/api/v10";

/** Starts the HTTP side on 127.0.0.1 with an ephemeral port; the gateway shares it. */
export async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return { server, port };
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The REST handler: records, authenticates, rate limits, injects faults, routes. */
export function restHandler(core: FakeCore) {
  const routes: Route[] = [
    ...guildRoutes(core),
    ...applicationRoutes(core),
    ...channelRoutes(core),
    ...interactionRoutes(core),
    ...roleRoutes(core, core.roleLimiter ?? null),
  ];
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(core, routes, req, res)
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { message: String(error), code: 0 });
      })
      .finally(() => core.state.notify());
  };
}

async function handle(core: FakeCore, routes: Route[], req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const method = req.method ?? "GET";
  const record: RecordedRequest = {
    method,
    path: decodePath(
      url.pathname.startsWith(PREFIX) ? url.pathname.slice(PREFIX.length) : url.pathname,
    ),
    query: Object.fromEntries(url.searchParams),
    body: undefined,
    files: [],
    authorization: req.headers.authorization,
    auditLogReason: auditLogReason(req.headers["x-audit-log-reason"]),
    at: discordNow(),
    status: null,
  };
  core.requests.push(record);
  if (core.outage.on) {
    record.status = 503;
    sendJson(res, 503, { message: "503: Service Unavailable", code: 0 });
    return;
  }
  let headers: Record<string, string> = {};
  const answer = (status: number, body?: unknown) => {
    record.status = status;
    sendJson(res, status, body, headers);
  };
  try {
    const parsed = await readBody(req);
    record.body = parsed.body;
    record.files = parsed.files;
    const found = url.pathname.startsWith(PREFIX) ? match(routes, method, record.path) : undefined;
    if (!found) throw Errors.notFound();
    const { route, params } = found;
    if (route.auth && req.headers.authorization !== `Bot ${core.config.botToken}`) {
      throw Errors.unauthorized();
    }
    const channelId = route.channelMessages ? (params.channelId ?? null) : null;
    if (channelId && core.limiter && core.state.channels.has(channelId)) {
      const verdict = core.limiter.take(channelId);
      headers = verdict.headers;
      if (!verdict.allowed) {
        const retry_after = Number(verdict.retryAfter.toFixed(3));
        answer(429, { message: "You are being rate limited.", retry_after, global: false });
        return;
      }
    }
    const injected = core.faults.check(record, channelId);
    if (injected) throw injected;
    if (core.config.validateSpec) validateAgainstSpec(method, record.path, parsed.body);
    const ctx = {
      req,
      params,
      query: url.searchParams,
      body: parsed.body,
      files: parsed.files,
      record,
    };
    const result = await route.handle(ctx);
    const lost = core.outage.takeLost(record);
    if (lost) {
      // Handled, but the answer never arrives: the connection drops.
      record.status = 0;
      res.destroy();
      lost.then?.();
      return;
    }
    if (result.headers) headers = { ...headers, ...result.headers };
    answer(result.status, result.body);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    headers = { ...headers, ...error.headers() };
    answer(error.status, error.body());
  }
}

function match(routes: Route[], method: string, path: string) {
  let pathMatched = false;
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (route.method === method)
      return { route, params: { ...m.groups } as Record<string, string> };
  }
  if (pathMatched) throw new ApiError(405, 0, "405: Method Not Allowed");
  return undefined;
}

/** X-Audit-Log-Reason arrives URI-encoded (as discord.js sends it). */
function auditLogReason(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

function decodePath(path: string): string {
  return path
    .split("/")
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    })
    .join("/");
}
