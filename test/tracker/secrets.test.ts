import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createTrackerClient } from "../../src/tracker/client.js";
import { sanitizeCause, TrackerError } from "../../src/tracker/errors.js";
import type { FakeFault } from "../fakes/tracker.js";
import { rejectionOf, setup, TOKEN } from "./harness.js";

/** Every string view of an error we can think of, including its cause chain. */
function renderings(err: unknown): string[] {
  const out: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      out.push(current.message, String(current.stack));
      out.push(JSON.stringify(current, Object.getOwnPropertyNames(current)));
      for (const key of Object.getOwnPropertyNames(current))
        out.push(String(Reflect.get(current, key)));
    }
    out.push(inspect(current, { depth: 10, showHidden: true, getters: true }));
    current = current instanceof Error ? current.cause : undefined;
  }
  return out;
}

function expectNoToken(err: unknown): void {
  expect(err).toBeInstanceOf(TrackerError);
  for (const text of renderings(err)) expect(text).not.toContain(TOKEN);
}

/** A tracker that echoes the Authorization header back in its error texts, to prove scrubbing. */
async function startEchoServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const replies = [400, 401, 200];
  const server = createServer((req, res) => {
    const status = replies.shift() ?? 200;
    res.writeHead(status, { "content-type": "application/json" });
    const echo = String(req.headers.authorization);
    res.end(JSON.stringify({ ok: false, error: { code: echo, message: `bad token ${echo}` } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe("the token never leaks", () => {
  it.each<FakeFault>(["500", "429", "hang", "hang-body", "invalid-json", "bad-shape", "reset"])(
    "not through the error of fault %s",
    async (fault) => {
      const { fake, client } = await setup({ timeoutMs: 200, retries: 0 });
      fake.failNext(1, fault);
      expectNoToken(await rejectionOf(client.stats(TOKEN)));
    },
  );

  it("not through 400 or 401 errors", async () => {
    const { fake, client } = await setup();
    expectNoToken(await rejectionOf(client.histories(TOKEN, { session: 4242 })));
    fake.revokeToken(TOKEN);
    expectNoToken(await rejectionOf(client.stats(TOKEN)));
  });

  it("not even when the tracker echoes it", async () => {
    const echo = await startEchoServer();
    const client = createTrackerClient({ baseUrl: echo.url, retries: 0 });
    try {
      for (let i = 0; i < 3; i++) {
        const err = await rejectionOf(client.stats(TOKEN));
        expectNoToken(err);
        expect(inspect(err)).toContain("[redacted]");
      }
    } finally {
      await client.close();
      await echo.close();
    }
  });

  it("not through a refused connection's cause", async () => {
    const client = createTrackerClient({ baseUrl: "http://127.0.0.1:1", retries: 0 });
    expectNoToken(await rejectionOf(client.stats(TOKEN)));
    await client.close();
  });

  it("not into the logs", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = pino({ level: "trace" }, sink);
    const { fake, client } = await setup({ logger, retries: 1 });
    fake.failNext(1, "500");
    await client.stats(TOKEN);
    fake.failNext(2, "503");
    await rejectionOf(client.stats(TOKEN));
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(lines.some((l) => l.includes("retrying"))).toBe(true);
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });

  it("sanitizeCause copies name, code and message only", () => {
    const original = Object.assign(new Error(`boom ${TOKEN}`), {
      code: "UND_ERR_X",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const safe = sanitizeCause(original, TOKEN);
    expect(safe).not.toBe(original);
    expect(safe.code).toBe("UND_ERR_X");
    expect(safe.message).toBe("boom [redacted]");
    expect(Object.keys(safe)).not.toContain("headers");
    expect(sanitizeCause("plain", TOKEN).message).toBe("plain");
  });
});
