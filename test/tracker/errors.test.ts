import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createTrackerClient } from "../../src/tracker/client.js";
import {
  isRetryable,
  isTransient,
  TrackerAuthError,
  TrackerNetworkError,
  TrackerRateLimitError,
  TrackerServerError,
  TrackerTimeoutError,
  TrackerUnexpectedResponseError,
  TrackerValidationError,
} from "../../src/tracker/errors.js";
import { rejectionOf, setup, TOKEN } from "./harness.js";

describe("client errors against the fake tracker", () => {
  it("maps 401 to TrackerAuthError, also after a revoke", async () => {
    const { fake, client, sessionId } = await setup();
    const err = await rejectionOf(client.histories("ct2_unknown", { session: sessionId }));
    expect(err).toBeInstanceOf(TrackerAuthError);
    expect(err).toMatchObject({
      kind: "auth",
      status: 401,
      endpoint: "histories",
      code: "unauthorized",
    });
    await client.stats(TOKEN);
    fake.revokeToken(TOKEN);
    expect(await rejectionOf(client.stats(TOKEN))).toBeInstanceOf(TrackerAuthError);
    expect(fake.requests).toHaveLength(3); // never retried
  });

  it("refuses an impossible token without sending it", async () => {
    const { fake, client, sessionId } = await setup();
    const err = await rejectionOf(client.histories("bad token\r\nX: y", { session: sessionId }));
    expect(err).toBeInstanceOf(TrackerAuthError);
    expect(fake.requests).toHaveLength(0);
  });

  it("surfaces the tracker's 400 message and does not retry", async () => {
    const { fake, client } = await setup();
    const err = await rejectionOf(client.histories(TOKEN, { session: 999 }));
    expect(err).toBeInstanceOf(TrackerValidationError);
    expect(err).toMatchObject({
      code: "session_not_found",
      trackerMessage: "Session not found",
      status: 400,
    });
    expect(fake.requests).toHaveLength(1);
  });

  it("retries a 500 and succeeds", async () => {
    const { fake, client, calls, sessionId } = await setup();
    fake.failNext(2, "500", { endpoint: "histories" });
    const page = await client.histories(TOKEN, { session: sessionId });
    expect(page.items).toEqual([]);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(calls.map((c) => [c.endpoint, c.outcome, c.status])).toEqual([
      ["histories", "server", 500],
      ["histories", "server", 500],
      ["histories", "ok", 200],
    ]);
    expect(calls.every((c) => c.durationMs >= 0)).toBe(true);
  });

  it("gives up after retries + 1 attempts on a persistent 5xx", async () => {
    const { fake, client } = await setup({ retries: 3 });
    fake.failNext(100, "503");
    const err = await rejectionOf(client.stats(TOKEN));
    expect(err).toBeInstanceOf(TrackerServerError);
    expect(err).toMatchObject({ status: 503, kind: "server" });
    expect(fake.requests).toHaveLength(4);
  });

  it("times out a hung response within the deadline", async () => {
    const { fake, client } = await setup({ timeoutMs: 300, retries: 0 });
    fake.failNext(1, "hang");
    const started = Date.now();
    const err = await rejectionOf(client.stats(TOKEN));
    const elapsed = Date.now() - started;
    expect(err).toBeInstanceOf(TrackerTimeoutError);
    expect(err).toMatchObject({ timeoutMs: 300 });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });

  it("times out a body that stops half way, and retries timeouts", async () => {
    const { fake, client, calls } = await setup({ timeoutMs: 300, retries: 1 });
    fake.failNext(1, "hang-body");
    const stats = await client.stats(TOKEN);
    expect(stats.nick).toBe("alice");
    expect(calls.map((c) => c.outcome)).toEqual(["timeout", "ok"]);
  });

  it.each(["invalid-json", "bad-shape", "html"] as const)(
    "reports %s as unexpected, once",
    async (fault) => {
      const { fake, client, sessionId } = await setup();
      fake.failNext(1, fault);
      const err = await rejectionOf(client.histories(TOKEN, { session: sessionId }));
      expect(err).toBeInstanceOf(TrackerUnexpectedResponseError);
      expect(err).toMatchObject({ kind: "unexpected", status: 200 });
      expect(fake.requests).toHaveLength(1);
    },
  );

  it("lists schema issues for a wrong shape", async () => {
    const { fake, client, sessionId } = await setup();
    fake.failNext(1, "bad-shape");
    const err = await rejectionOf(client.histories(TOKEN, { session: sessionId }));
    expect(err instanceof TrackerUnexpectedResponseError && err.issues.join("\n")).toMatch(/count/);
  });

  it("honours 429 without retrying", async () => {
    const { fake, client } = await setup();
    fake.failNext(1, "429", { retryAfter: "7" });
    const err = await rejectionOf(client.sessions(TOKEN));
    expect(err).toBeInstanceOf(TrackerRateLimitError);
    expect(err).toMatchObject({ retryAfterMs: 7000, status: 429 });
    expect(fake.requests).toHaveLength(1);
    expect(isRetryable(err)).toBe(false);
    expect(isTransient(err)).toBe(true);
  });

  it("retries a reset connection, then reports a network error", async () => {
    const { fake, client, calls } = await setup({ retries: 1 });
    fake.failNext(1, "reset");
    expect((await client.stats(TOKEN)).nick).toBe("alice");
    fake.failNext(2, "reset");
    const err = await rejectionOf(client.stats(TOKEN));
    expect(err).toBeInstanceOf(TrackerNetworkError);
    expect(calls.map((c) => c.outcome)).toEqual(["network", "ok", "network", "network"]);
  });

  it("reports a refused connection as a network error with a sanitized cause", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = createTrackerClient({
      baseUrl: `http://127.0.0.1:${port}`,
      retries: 1,
      retryBaseMs: 1,
    });
    const err = await rejectionOf(client.stats(TOKEN));
    await client.close();
    expect(err).toBeInstanceOf(TrackerNetworkError);
    expect(err).toMatchObject({ code: "ECONNREFUSED", kind: "network" });
    expect(err instanceof Error && err.cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("classifies 403, 404, 405 and odd statuses", async () => {
    const statuses = [403, 404, 405, 302];
    const server = createServer((_req, res) => {
      const status = statuses.shift() ?? 500;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: { code: `c${status}`, message: `m${status}` } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const client = createTrackerClient({ baseUrl: `http://127.0.0.1:${port}/`, retries: 0 });
    const kinds = [];
    for (let i = 0; i < 4; i++) kinds.push(await rejectionOf(client.session(TOKEN, 5)));
    await client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(
      kinds.map((e) => [(e as { kind: string }).kind, (e as { status: number }).status]),
    ).toEqual([
      ["forbidden", 403],
      ["not-found", 404],
      // Any other 4xx in the tracker's envelope is its refusal, in its words.
      ["validation", 405],
      ["unexpected", 302],
    ]);
    expect(kinds[0]).toMatchObject({ code: "c403", trackerMessage: "m403" });
    expect(kinds[2]).toMatchObject({ code: "c405", trackerMessage: "m405" });
  });

  it("refuses calls after close", async () => {
    const { client } = await setup();
    await client.close();
    await expect(client.stats(TOKEN)).rejects.toThrow(/closed/);
  });
});
