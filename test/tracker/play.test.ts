/** POST games.php through the real client: what is sent, and when it is (never) sent again. */
import { afterEach, describe, expect, it } from "vitest";
import { createTrackerClient, type TrackerRequestInfo } from "../../src/tracker/client.js";
import {
  TrackerNetworkError,
  TrackerServerError,
  TrackerTimeoutError,
  TrackerUnexpectedResponseError,
  TrackerValidationError,
} from "../../src/tracker/errors.js";
import { linkRulesFrom, linkTokenFrom } from "../../src/tracker/linkGame.js";
import { startFakeTracker } from "../fakes/tracker.js";
import { rejectionOf } from "./harness.js";

const WEARER = "ct2_wearer-token-0123456789abcdef";
const LINK = "lg9c8b7a6f5e4d3c2b1a";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(baseUrl?: string) {
  const fake = await startFakeTracker();
  cleanups.push(() => fake.close());
  fake.addToken(WEARER, { nick: "wearer", linkToken: LINK });
  const session = fake.addSession(WEARER, { scheduledEnd: "2026-03-01 12:00:00" });
  const calls: TrackerRequestInfo[] = [];
  const client = createTrackerClient({
    baseUrl: baseUrl ?? fake.url,
    retryBaseMs: 1,
    retries: 2,
    timeoutMs: 500,
    onRequest: (info) => calls.push(info),
  });
  cleanups.push(() => client.close());
  const games = () => fake.requests.filter((r) => r.endpoint === "games");
  return { fake, client, session, calls, games };
}

describe("play (POST games.php)", () => {
  it("sends the documented JSON body, no Authorization for an anonymous vote, and maps the answer", async () => {
    const { client, games } = await setup();
    const result = await client.play(undefined, {
      game: "link",
      dom: false,
      token: LINK,
      type: "add",
    });
    expect(games()).toHaveLength(1);
    expect(games()[0]).toMatchObject({ method: "POST", hasAuth: false });
    expect(games()[0]?.body).toEqual({ game: "link", dom: 0, token: LINK, type: "add" });
    expect(result).toMatchObject({ operation: "ADD", seconds: 600, multiplier: 1, dom: false });
    expect(result.scheduledEnd?.toISOString()).toBe("2026-03-01T12:10:00.000Z");
  });

  it("a wearer's bearer on a public vote is the tracker's penalty (why the bot never sends it)", async () => {
    const { client } = await setup();
    const result = await client.play(WEARER, {
      game: "link",
      dom: false,
      token: LINK,
      type: "sub",
    });
    expect(result).toMatchObject({ operation: "ADD", multiplier: 3 });
  });

  it("checks the body locally and sends nothing when it is incomplete", async () => {
    const { client, games, session } = await setup();
    const err = await rejectionOf(client.play(WEARER, { game: "link", dom: true, session }));
    expect(err).toBeInstanceOf(TrackerValidationError);
    const noSession = await rejectionOf(client.play(WEARER, { game: "dice", dom: false }));
    expect(noSession).toBeInstanceOf(TrackerValidationError);
    expect(games()).toHaveLength(0);
  });

  it("is not sent again after a timeout", async () => {
    const { fake, client, games, session } = await setup();
    fake.failNext(3, "hang", { endpoint: "games" });
    const err = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session }));
    expect(err).toBeInstanceOf(TrackerTimeoutError);
    expect(games()).toHaveLength(1);
  });

  it("is not sent again after a 5xx", async () => {
    const { fake, client, games, session } = await setup();
    fake.failNext(3, "503", { endpoint: "games" });
    const err = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session }));
    expect(err).toBeInstanceOf(TrackerServerError);
    expect(games()).toHaveLength(1);
  });

  it("is not sent again after the connection was reset mid-request", async () => {
    const { fake, client, games, session } = await setup();
    fake.failNext(3, "reset", { endpoint: "games" });
    const err = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session }));
    expect(err).toBeInstanceOf(TrackerNetworkError);
    expect(games()).toHaveLength(1);
  });

  it("is retried only when the connection was refused (nothing could have been sent)", async () => {
    const { client, calls } = await setup("http://127.0.0.1:1");
    const err = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session: 1 }));
    expect(err).toBeInstanceOf(TrackerNetworkError);
    expect((err as TrackerNetworkError).code).toBe("ECONNREFUSED");
    expect(calls.map((c) => c.outcome)).toEqual(["network", "network", "network"]);
  });

  it("shows the tracker's refusal text (400, 403)", async () => {
    const { fake, client, session } = await setup();
    await client.play(WEARER, { game: "dice", dom: false, session });
    const wait = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session }));
    expect(wait).toMatchObject({ kind: "validation", status: 409, code: "wait_time" });
    expect((wait as TrackerValidationError).trackerMessage).toMatch(
      /^Wait time not over: the next dice play is possible in (60 min 0|59 min \d+) s$/,
    );
    fake.addToken("ct2_readonly-token-00112233445566", { nick: "ro", readOnly: true });
    const ro = await rejectionOf(
      client.play("ct2_readonly-token-00112233445566", { game: "dice", dom: false, session }),
    );
    expect(ro).toMatchObject({ kind: "forbidden", trackerMessage: "missing write permission" });
  });
});

describe("link game, read defensively", () => {
  it("finds the token in a query parameter, a last path segment, or as pasted", () => {
    expect(linkTokenFrom(`https://www.chastitytracker.org/linkgame.php?token=${LINK}`)).toBe(LINK);
    expect(linkTokenFrom(`https://www.chastitytracker.org/link/${LINK}`)).toBe(LINK);
    expect(linkTokenFrom(`  ${LINK}  `)).toBe(LINK);
  });

  it("gives nothing for what cannot be a token", () => {
    expect(linkTokenFrom(null)).toBeUndefined();
    expect(linkTokenFrom("")).toBeUndefined();
    expect(linkTokenFrom("https://www.chastitytracker.org/linkgame.php")).toBeUndefined();
    expect(linkTokenFrom("javascript:alert(1)")).toBeUndefined();
    expect(linkTokenFrom("not a link at all")).toBeUndefined();
    expect(linkTokenFrom("enabled")).toBeUndefined();
  });

  it("offers only the votes the session's link rules allow, all when unreadable", () => {
    expect(linkRulesFrom({ link: { addint: 10, subint: 0 } })).toEqual({ add: true, sub: false });
    expect(linkRulesFrom({ LINK: { addint: "0", subint: "5" } })).toEqual({
      add: false,
      sub: true,
    });
    expect(linkRulesFrom({ link: null })).toEqual({ add: true, sub: true });
    expect(linkRulesFrom("odd")).toEqual({ add: true, sub: true });
  });
});

describe("refusals", () => {
  it("any 4xx in the tracker's envelope is its refusal: its code, its text, sent once", async () => {
    const { fake, client, games, session } = await setup();
    const answers = [
      { status: 409, code: "game_disabled", message: "The dice game is off for this lock" },
      { status: 422, code: "unprocessable", message: "dom must be 0 or 1 here" },
      { status: 400, code: "invalid_parameter", message: "session is wrong" },
      { status: 418, code: "teapot", message: "Not a coffee machine" },
    ];
    for (const answer of answers) {
      fake.resetRequests();
      fake.refuseNext(1, answer, { endpoint: "games" });
      const err = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session }));
      expect(err).toBeInstanceOf(TrackerValidationError);
      expect(err).toMatchObject({
        status: answer.status,
        code: answer.code,
        trackerMessage: answer.message,
      });
      expect(games()).toHaveLength(1);
    }
  });

  it("a 4xx without the envelope (a proxy's page) is an unreadable answer, not a refusal", async () => {
    const { fake, client, games, session } = await setup();
    fake.refuseNext(1, { status: 409, code: "", message: "", bare: true }, { endpoint: "games" });
    const err = await rejectionOf(client.play(WEARER, { game: "dice", dom: false, session }));
    expect(err).toBeInstanceOf(TrackerUnexpectedResponseError);
    expect(games()).toHaveLength(1);
  });
});
