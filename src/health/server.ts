import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Registry } from "prom-client";
import type { Logger } from "../log.js";
import { createStoreCheck, type StoreState } from "./storeCheck.js";

export interface GatewayCheck {
  ok: boolean;
  /** Shown in the 503 body: must be our own words, never an error message with secrets. */
  reason?: string | undefined;
}

export interface HealthChecks {
  gateway: () => GatewayCheck;
  /**
   * Resolves when the database answers (Store.ping); "busy" when another program holds its
   * lock, said at once: a probe that waited on the lock would make the bot look dead.
   */
  store: () => Promise<"ok" | "busy">;
  /** Whether the database can write now (a throttled tiny write; see src/startup/observe.ts). */
  storeWrite?: () => Promise<GatewayCheck>;
  /** Reported in the 200 body; a lagging scheduler is not a reason for 503. */
  scheduler?: () => {
    lagSeconds: number;
    effectiveIntervalSeconds: number;
    /** How long the tracker has been down as a whole (0: it answers). */
    trackerDownSeconds?: number;
    /** Sources a fault holds back now (the poller's admission). */
    sourcesHeld?: number;
  };
  /** Several instances (Postgres): this one's role and what it holds, in every body. */
  replica?: () => Promise<Record<string, unknown>>;
}

export interface HealthServerOptions {
  port: number;
  /** Default: all interfaces, so a container's published port and its HEALTHCHECK both reach it. */
  host?: string | undefined;
  metrics: { readonly registry: Registry };
  checks: HealthChecks;
  logger: Logger;
  /**
   * How long the store ping may take before /healthz answers 503. Default 500 ms: the
   * answer must come within 1 s, whatever the store is doing.
   */
  storeTimeoutMs?: number | undefined;
}

export interface HealthServer {
  /** The bound port (the real one when 0 was asked for). */
  port: number;
  close(): Promise<void>;
}

interface HealthReport {
  ok: boolean;
  body: Record<string, unknown>;
}

function checkGateway(gateway: () => GatewayCheck): GatewayCheck {
  try {
    return gateway();
  } catch {
    return { ok: false, reason: "gateway check threw" };
  }
}

async function runChecks(
  checks: HealthChecks,
  checkStore: () => Promise<StoreState>,
  timeoutMs: number,
): Promise<HealthReport> {
  const gateway = checkGateway(checks.gateway);
  const [store, write, replica] = await Promise.all([
    checkStore(),
    checks.storeWrite?.().catch(() => ({ ok: false, reason: "write check failed" })),
    checks.replica?.().catch(() => undefined),
  ]);
  const reasons: string[] = [];
  if (!gateway.ok) reasons.push(`gateway not ready${gateway.reason ? `: ${gateway.reason}` : ""}`);
  if (store === "busy") reasons.push("store busy: another program holds the database's lock");
  if (store === "timeout") reasons.push(`store ping timed out after ${timeoutMs} ms`);
  if (store === "error") reasons.push("store ping failed");
  if (write && !write.ok) reasons.push(`store cannot write: ${write.reason ?? "unknown reason"}`);
  const parts = {
    gateway: gateway.ok ? "ready" : "not_ready",
    store,
    ...(write && { storeWritable: write.ok }),
    ...(replica && { replica }),
  };
  if (reasons.length === 0) {
    let scheduler: Record<string, number> | undefined;
    try {
      scheduler = checks.scheduler?.();
    } catch {
      scheduler = undefined;
    }
    return {
      ok: true,
      body: {
        status: "ok",
        ...parts,
        uptimeSeconds: Math.round(process.uptime()),
        ...(scheduler && { poller: scheduler }),
      },
    };
  }
  return { ok: false, body: { status: "unavailable", reason: reasons.join("; "), ...parts } };
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
): void {
  res.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

const json = "application/json; charset=utf-8";

export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const { checks, logger } = options;
  const { registry } = options.metrics;
  const timeoutMs = options.storeTimeoutMs ?? 500;
  const checkStore = createStoreCheck({ ping: checks.store, timeoutMs, logger });
  let lastReason: string | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== "/healthz" && path !== "/metrics") {
      send(req, res, 404, json, JSON.stringify({ error: "not found" }));
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      send(req, res, 405, json, JSON.stringify({ error: "method not allowed" }));
      return;
    }
    if (path === "/metrics") {
      send(req, res, 200, registry.contentType, await registry.metrics());
      return;
    }
    const report = await runChecks(checks, checkStore, timeoutMs);
    // Once per change, not once per probe: a HEALTHCHECK every few seconds would flood the log.
    const reason = report.ok ? undefined : String(report.body.reason);
    if (reason !== lastReason) {
      if (reason !== undefined) logger.warn({ health: report.body }, "health: unavailable");
      else logger.info("health: ok again");
      lastReason = reason;
    }
    send(req, res, report.ok ? 200 : 503, json, JSON.stringify(report.body));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, "health: request failed");
      if (!res.headersSent) send(req, res, 500, json, JSON.stringify({ error: "internal error" }));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    const host = options.host === undefined ? {} : { host: options.host };
    server.listen({ port: options.port, ...host }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => logger.error({ err: error }, "health: server error"));
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("health server has no TCP address");
  const { port } = address;
  logger.info({ port, host: options.host ?? "*" }, "health server listening");

  return {
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (a Prometheus scraper) would hold close() open otherwise.
        server.closeAllConnections();
      }),
  };
}
