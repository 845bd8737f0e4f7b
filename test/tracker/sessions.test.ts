import { describe, expect, it } from "vitest";
import { TrackerValidationError } from "../../src/tracker/errors.js";
import { OTHER_TOKEN, rejectionOf, setup, TOKEN } from "./harness.js";

describe("sessions, session and stats", () => {
  it("lists the token owner's sessions with filters and paging", async () => {
    const { fake, client, sessionId } = await setup();
    fake.addToken(OTHER_TOKEN, { nick: "bob" });
    fake.addSession(OTHER_TOKEN);
    const ended = fake.addSession(TOKEN, {
      start: "2026-01-01 10:00:00",
      end: "2026-01-05 10:00:00",
      lockedBy: "Mistress",
      public: true,
    });
    fake.addHistory(ended, [{ type: "START" }]);

    const all = await client.sessions(TOKEN);
    expect(all).toMatchObject({ count: 2, total: 2, limit: 50, offset: 0 });
    expect(all.items.map((s) => s.id)).toEqual([sessionId, ended]);
    expect(all.items[1]).toEqual({
      id: ended,
      start: new Date(Date.UTC(2026, 0, 1, 10)),
      end: new Date(Date.UTC(2026, 0, 5, 10)),
      scheduledEnd: null,
      active: false,
      lockedBy: "Mistress",
      public: true,
      hasHistory: true,
      hasGamesChanges: false,
    });
    expect(all.items[0]).toMatchObject({ active: true, end: null, hasHistory: false });

    const active = await client.sessions(TOKEN, { active: true });
    expect(active.items.map((s) => s.id)).toEqual([sessionId]);
    const page = await client.sessions(TOKEN, { limit: 1, offset: 1 });
    expect(page).toMatchObject({ count: 1, total: 2, limit: 1, offset: 1 });
    expect(page.items[0]?.id).toBe(ended);
    const january = await client.sessions(TOKEN, { from: "2026-01-01", to: "2026-01-31" });
    expect(january.items.map((s) => s.id)).toEqual([ended]);
    expect(fake.requests.at(-1)?.query).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("follows a session through active and ended", async () => {
    const { fake, client, sessionId } = await setup();
    expect((await client.session(TOKEN, sessionId)).active).toBe(true);
    fake.endSession(sessionId, new Date(Date.UTC(2026, 1, 9, 12)));
    const ended = await client.session(TOKEN, sessionId);
    expect(ended).toMatchObject({ active: false, end: new Date(Date.UTC(2026, 1, 9, 12)) });
    fake.setSessionActive(sessionId, true);
    expect(await client.session(TOKEN, sessionId)).toMatchObject({ active: true, end: null });
    expect(fake.requests.at(-1)).toMatchObject({
      endpoint: "session",
      query: { id: String(sessionId) },
    });
  });

  it("does not show another user's session", async () => {
    const { fake, client } = await setup();
    fake.addToken(OTHER_TOKEN, { nick: "bob" });
    const theirs = fake.addSession(OTHER_TOKEN);
    const err = await rejectionOf(client.session(TOKEN, theirs));
    expect(err).toBeInstanceOf(TrackerValidationError);
    expect(await rejectionOf(client.session(TOKEN, 0))).toBeInstanceOf(TrackerValidationError);
    expect(fake.requests).toHaveLength(1);
  });

  it("reads stats to greet the user", async () => {
    const { fake, client, sessionId } = await setup();
    fake.addToken(OTHER_TOKEN, { nick: "bob", profileUrl: null });
    expect(await client.stats(TOKEN)).toMatchObject({
      nick: "alice",
      profileUrl: "https://www.chastitytracker.org/profile/alice",
      locked: true,
      currentLockStart: expect.any(Date),
      currentLockTime: expect.stringMatching(/^\d+ days \d+ hours \d+ minutes$/),
    });
    fake.endSession(sessionId);
    expect((await client.stats(TOKEN)).locked).toBe(false);
    expect(await client.stats(OTHER_TOKEN)).toMatchObject({
      nick: "bob",
      profileUrl: null,
      locked: false,
    });
    expect(fake.requests.map((r) => r.owner)).toEqual(["alice", "alice", "bob"]);
  });
});
