/**
 * The fake tracker's own contract, checked over raw HTTP so later end-to-end
 * tests can trust it (and so the client cannot mask a fake bug).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createTrackerClient } from "../../src/tracker/client.js";
import {
  TrackerUnexpectedResponseError,
  TrackerValidationError,
} from "../../src/tracker/errors.js";
import { startFakeTracker } from "../fakes/tracker.js";
import { OTHER_TOKEN, rejectionOf, setup, TOKEN } from "./harness.js";

async function raw(url: string, token: string | undefined, init: RequestInit = {}) {
  const headers = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const res = await fetch(url, { ...init, headers });
  return { status: res.status, body: await res.json() };
}

describe("fake tracker", () => {
  it("answers in the documented wire format", async () => {
    const { fake, sessionId } = await setup();
    fake.addHistory(sessionId, [
      { type: "START", happened: "2026-02-03 09:30:07.123", schedule: "2026-02-10 00:00:00" },
      { unit: 86400, happened: "2026-02-03 10:02:11.456", schedule: "2026-02-11 00:00:00" },
    ]);
    const { status, body } = await raw(
      `${fake.url}/api/v2/histories.php?session=${sessionId}`,
      TOKEN,
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      data: {
        count: 2,
        limit: 50,
        cursor_next: null,
        has_games_changes: 0,
        items: [
          {
            session: sessionId,
            type: "ADD",
            unit: 86400,
            source: "DICE",
            dom: 0,
            schedule: "2026-02-11 00:00:00",
            happened: "2026-02-03 10:02:11.456",
          },
          {
            session: sessionId,
            type: "START",
            unit: null,
            source: null,
            dom: 0,
            schedule: "2026-02-10 00:00:00",
            happened: "2026-02-03 09:30:07.123",
          },
        ],
      },
      meta: { version: 2 },
    });
  });

  it.each([
    ["", "missing_session"],
    ["session=abc", "invalid_session"],
    ["session=SID&limit=201", "invalid_limit"],
    ["session=SID&limit=0", "invalid_limit"],
    ["session=SID&type=MUL", "invalid_type"],
    ["session=SID&source=WHEEL", "invalid_source"],
    ["session=SID&dom=true", "invalid_dom"],
    ["session=SID&from=2026-02-03T10:00:00Z", "invalid_from"],
    ["session=SID&to=2026-02-03 10:00:00.123", "invalid_to"],
    ["session=SID&cursor=!!!", "invalid_cursor"],
    ["session=SID&page=2", "invalid_parameter"],
    ["session=SID&session=SID", "invalid_parameter"],
  ])("refuses ?%s with %s", async (query, code) => {
    const { fake, sessionId } = await setup();
    const url = `${fake.url}/api/v2/histories.php?${query.replaceAll("SID", String(sessionId))}`;
    const { status, body } = await raw(url, TOKEN);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      ok: false,
      error: { code, message: expect.any(String) },
      meta: { version: 2 },
    });
  });

  it("checks auth, method and path", async () => {
    const { fake } = await setup();
    expect(await raw(`${fake.url}/api/v2/stats.php`, undefined)).toMatchObject({
      status: 401,
      body: { ok: false, error: { code: "unauthorized" } },
    });
    expect((await raw(`${fake.url}/api/v2/stats.php`, TOKEN, { method: "POST" })).status).toBe(405);
    expect((await raw(`${fake.url}/api/v2/nope.php`, TOKEN)).status).toBe(404);
    expect(fake.requests.map((r) => r.hasAuth)).toEqual([false, true, true]);
    fake.resetRequests();
    expect(fake.requests).toHaveLength(0);
  });

  it("can answer a foreign session with an empty page instead of a 400", async () => {
    const { fake, client } = await setup({}, { foreignSession: "empty" });
    fake.addToken(OTHER_TOKEN);
    const theirs = fake.addSession(OTHER_TOKEN);
    fake.addHistory(theirs, [{}]);
    const page = await client.histories(TOKEN, { session: theirs });
    expect(page.items).toEqual([]);
    expect(page.cursorNext).toBeUndefined();
  });

  it("scopes faults to an endpoint and can clear them", async () => {
    const { fake, client } = await setup({ retries: 0 });
    fake.failNext(1, "500", { endpoint: "sessions" });
    await client.stats(TOKEN);
    expect(await rejectionOf(client.sessions(TOKEN))).toMatchObject({ status: 500 });
    fake.failNext(5, "500");
    fake.clearFaults();
    await client.stats(TOKEN);
    expect(fake.requests.map((r) => r.fault)).toEqual([undefined, "500", undefined]);
  });

  it("closes promptly while a request hangs", async () => {
    const fake = await startFakeTracker();
    fake.addToken(TOKEN);
    fake.failNext(1, "hang");
    const pending = fetch(`${fake.url}/api/v2/stats.php`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    await expect.poll(() => fake.requests.length).toBe(1);
    const started = Date.now();
    await fake.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it("rejects unknown controls loudly", async () => {
    const { fake } = await setup();
    expect(() => fake.addSession("unknown")).toThrow(/addToken/);
    expect(() => fake.addHistory(1, [{}])).toThrow(/no session/);
    expect(() => fake.addHistory(100, [{ happened: "yesterday" }])).toThrow(/bad datetime/);
  });
});

describe("client against odd servers", () => {
  async function serve(body: unknown) {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const client = createTrackerClient({ baseUrl: `http://127.0.0.1:${port}`, retries: 0 });
    return {
      client,
      close: async () => {
        await client.close();
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  it("stops paging when a cursor repeats", async () => {
    const { client, close } = await serve({
      ok: true,
      data: { count: 0, limit: 50, cursor_next: "same", items: [] },
    });
    const seen: unknown[] = [];
    const err = await rejectionOf(
      (async () => {
        for await (const item of client.iterateHistories(TOKEN, { session: 1 })) seen.push(item);
      })(),
    );
    await close();
    expect(err).toBeInstanceOf(TrackerUnexpectedResponseError);
    expect(seen).toEqual([]);
  });

  it("treats an error envelope under 200 as the tracker's refusal", async () => {
    const { client, close } = await serve({
      ok: false,
      error: { code: "nope", message: "Not today" },
    });
    const err = await rejectionOf(client.stats(TOKEN));
    await close();
    expect(err).toBeInstanceOf(TrackerValidationError);
    expect(err).toMatchObject({ code: "nope", trackerMessage: "Not today", status: 200 });
  });

  it("refuses a body larger than any tracker page", async () => {
    const { client, close } = await serve({ ok: true, data: { pad: "x".repeat(9 * 1024 * 1024) } });
    const err = await rejectionOf(client.stats(TOKEN));
    await close();
    expect(err).toBeInstanceOf(TrackerUnexpectedResponseError);
    expect(err).toMatchObject({ message: expect.stringMatching(/too large/) });
  });

  it("refuses a JSON body that is not an envelope", async () => {
    const { client, close } = await serve([1, 2, 3]);
    const err = await rejectionOf(client.stats(TOKEN));
    await close();
    expect(err).toBeInstanceOf(TrackerUnexpectedResponseError);
  });
});
