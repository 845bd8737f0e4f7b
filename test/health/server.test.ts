import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/health/metrics.js";
import {
  type GatewayCheck,
  type HealthServer,
  startHealthServer,
} from "../../src/health/server.js";
import { createLogger, type Logger, silentLogger } from "../../src/log.js";

let server: HealthServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Fakes {
  gateway?: () => GatewayCheck;
  store?: () => Promise<"ok" | "busy">;
  storeWrite?: () => Promise<GatewayCheck>;
  logger?: Logger;
  storeTimeoutMs?: number;
  scheduler?: () => { lagSeconds: number; effectiveIntervalSeconds: number };
}

async function start(
  fakes: Fakes = {},
): Promise<{ base: string; metrics: ReturnType<typeof createMetrics> }> {
  const metrics = createMetrics({ defaultMetrics: false });
  server = await startHealthServer({
    port: 0,
    host: "127.0.0.1",
    metrics,
    logger: fakes.logger ?? silentLogger(),
    storeTimeoutMs: fakes.storeTimeoutMs ?? 2000,
    checks: {
      gateway: fakes.gateway ?? (() => ({ ok: true })),
      store: fakes.store ?? (async () => "ok" as const),
      ...(fakes.scheduler && { scheduler: fakes.scheduler }),
      ...(fakes.storeWrite && { storeWrite: fakes.storeWrite }),
    },
  });
  return { base: `http://127.0.0.1:${server.port}`, metrics };
}

describe("GET /healthz", () => {
  it("answers 503 with the reason while the store cannot write, logging the change once", async () => {
    let writable = false;
    const lines: { msg: string }[] = [];
    const logger = createLogger({
      level: "info",
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    const { base } = await start({
      logger,
      storeWrite: async () =>
        writable ? { ok: true } : { ok: false, reason: "the disk holding bot.sqlite is full" },
    });
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: "unavailable",
        reason: "store cannot write: the disk holding bot.sqlite is full",
        storeWritable: false,
      });
    }
    writable = true;
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", storeWritable: true });
    await fetch(`${base}/healthz`);
    expect(lines.map((l) => l.msg).filter((m) => m.startsWith("health:"))).toEqual([
      "health: unavailable",
      "health: ok again",
    ]);
  });

  it("answers 200 when the gateway is ready and the store answers", async () => {
    const { base } = await start();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ status: "ok", gateway: "ready", store: "ok" });
  });

  it("stays 200 while the poller lags, and reports the lag", async () => {
    const { base } = await start({
      scheduler: () => ({ lagSeconds: 420, effectiveIntervalSeconds: 900 }),
    });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "ok",
      poller: { lagSeconds: 420, effectiveIntervalSeconds: 900 },
    });
  });

  it("answers 503 with the gateway's reason when it is not ready", async () => {
    const { base } = await start({ gateway: () => ({ ok: false, reason: "reconnecting" }) });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: "unavailable",
      reason: "gateway not ready: reconnecting",
      gateway: "not_ready",
      store: "ok",
    });
  });

  it("answers 503 when the gateway check throws", async () => {
    const { base } = await start({
      gateway: () => {
        throw new Error("client gone");
      },
    });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { reason: string }).reason).toMatch(/gateway not ready/);
  });

  it("answers 503 when the store ping rejects, without echoing the error", async () => {
    const { base } = await start({
      store: async () => {
        throw new Error("cannot open postgres://bot:hunter2@db/bot");
      },
    });
    const res = await fetch(`${base}/healthz`);
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(text)).toMatchObject({ status: "unavailable", reason: "store ping failed" });
    expect(text).not.toContain("hunter2");
  });

  it("answers 503 'store busy' when the probe says another program holds the lock", async () => {
    const { base } = await start({ store: async () => "busy" });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: "unavailable",
      store: "busy",
      reason: "store busy: another program holds the database's lock",
    });
  });

  it("answers 503 soon when the store ping hangs", async () => {
    const { base } = await start({ store: () => new Promise(() => {}), storeTimeoutMs: 100 });
    const started = Date.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      store: "timeout",
      reason: expect.stringMatching(/timed out/),
    });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("lists both reasons when both checks fail", async () => {
    const { base } = await start({
      gateway: () => ({ ok: false, reason: "starting" }),
      store: async () => Promise.reject<"ok">(new Error("x")),
    });
    const body = (await (await fetch(`${base}/healthz`)).json()) as { reason: string };
    expect(body.reason).toBe("gateway not ready: starting; store ping failed");
  });

  it("answers HEAD with the status and no body", async () => {
    const { base } = await start({ gateway: () => ({ ok: false }) });
    const res = await fetch(`${base}/healthz`, { method: "HEAD" });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("");
  });
});

describe("GET /metrics", () => {
  it("serves the registry in Prometheus text format", async () => {
    const { base, metrics } = await start();
    metrics.itemsDelivered(3);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(metrics.registry.contentType);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toMatch(/^items_delivered_total 3$/m);
  });

  it("answers HEAD /metrics with 200", async () => {
    const { base } = await start();
    const res = await fetch(`${base}/metrics`, { method: "HEAD" });
    expect(res.status).toBe(200);
  });
});

describe("other requests", () => {
  it("answers 404 for unknown paths and 405 for other methods", async () => {
    const { base } = await start();
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz/extra`)).status).toBe(404);
    const post = await fetch(`${base}/healthz`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("ignores the query string", async () => {
    const { base } = await start();
    expect((await fetch(`${base}/healthz?probe=docker`)).status).toBe(200);
  });

  it("closes promptly even with a keep-alive connection open", async () => {
    await start();
    const port = server!.port;
    await new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/healthz",
          agent: false,
          headers: { connection: "keep-alive" },
        },
        (res) => {
          res.resume();
          res.on("end", resolve);
        },
      );
      req.on("error", reject);
      req.end();
    });
    const started = Date.now();
    await server!.close();
    server = undefined;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects when the port is taken", async () => {
    await start();
    await expect(
      startHealthServer({
        port: server!.port,
        host: "127.0.0.1",
        metrics: createMetrics({ defaultMetrics: false }),
        logger: silentLogger(),
        checks: { gateway: () => ({ ok: true }), store: async () => "ok" as const },
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
