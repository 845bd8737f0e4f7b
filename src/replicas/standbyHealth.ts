/**
 * /healthz and /metrics of an instance standing by: 200 while it can reach
 * the database (a healthy standby is ready to take over), saying who serves;
 * 503 when the database does not answer. The serving bot's own health server
 * replaces it on the same port once the lease is taken.
 */
import { createServer } from "node:http";
import type pg from "pg";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { safeError } from "../store/postgres.js";
import type { Leadership } from "./leadership.js";
import { serveLease } from "./leadership.js";

export interface StandbyHealth {
  close(): Promise<void>;
}

export interface StandbyHealthOptions {
  config: Config;
  logger: Logger;
  leadership: Leadership;
  pool: pg.Pool;
}

export async function startStandbyHealth(
  options: StandbyHealthOptions,
): Promise<StandbyHealth | undefined> {
  const { config, leadership, pool, logger } = options;
  if (config.HEALTH_PORT === undefined) return undefined;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/metrics") {
      const { takeovers } = leadership.status();
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(standbyMetrics(takeovers));
      return;
    }
    if (path !== "/healthz") {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
      return;
    }
    pool
      .query("SELECT holder FROM leases WHERE name = $1 AND expires_at > now()", [serveLease])
      .then(
        (result) => {
          const body = {
            status: "ok",
            role: "standby",
            instance: leadership.status().holder,
            servedBy: result.rows[0]?.holder ?? null,
            holds: { shards: [], sources: 0 },
          };
          res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
        },
        (err: unknown) => {
          const body = { status: "unavailable", role: "standby", reason: safeError(err).message };
          res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify(body));
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: config.HEALTH_PORT, host: config.HEALTH_HOST }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (err) => logger.error({ err }, "standby health: server error"));
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function standbyMetrics(takeovers: number): string {
  return [
    "# HELP ct_bot_leases_held Leases this instance holds (serve: gateway shards, interactions, polling).",
    "# TYPE ct_bot_leases_held gauge",
    'ct_bot_leases_held{lease="serve"} 0',
    "# HELP ct_bot_lease_takeovers_total Times this instance took a lease over from another holder.",
    "# TYPE ct_bot_lease_takeovers_total counter",
    `ct_bot_lease_takeovers_total ${takeovers}`,
    "",
  ].join("\n");
}
