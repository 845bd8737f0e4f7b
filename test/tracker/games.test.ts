import { describe, expect, it } from "vitest";
import { gamesChangesParams } from "../../src/tracker/client.js";
import { TrackerAuthError, TrackerValidationError } from "../../src/tracker/errors.js";
import { gameChangeSchema } from "../../src/tracker/games.js";
import type { GameChange } from "../../src/tracker/types.js";
import { rejectionOf, setup, TOKEN } from "./harness.js";

async function collect(iterable: AsyncIterable<GameChange>): Promise<GameChange[]> {
  const items: GameChange[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("gamesChanges", () => {
  it("reads a page newest first (happened, then id), with diffs and no raw configs by default", async () => {
    const { fake, client, sessionId } = await setup();
    fake.addGameChanges(sessionId, [
      { id: 5, action: "INSERT", happened: "2026-02-03 10:00:00", domNick: "Mistress" },
      { id: 7, action: "UPDATE", happened: "2026-02-03 11:00:00" },
      { id: 6, action: "DELETE", happened: "2026-02-03 11:00:00", game: "LUCK" },
    ]);
    const page = await client.gamesChanges(TOKEN, { session: sessionId });
    expect(page.items.map((c) => c.id)).toEqual([7, 6, 5]);
    expect(page.cursorNext).toBeUndefined();
    expect(page.items[2]).toMatchObject({
      game: "DICE",
      action: "INSERT",
      domNick: "Mistress",
      happened: new Date("2026-02-03T10:00:00Z"),
      changes: [{ label: "dice", from: "2", to: "3" }],
    });
    expect(page.items[0]?.domNick).toBeNull();
    expect(page.items[0]).not.toHaveProperty("before");
  });

  it("sends every documented parameter in the documented form", async () => {
    const { fake, client, sessionId } = await setup();
    fake.addGameChanges(sessionId, [
      { game: "LINK", action: "UPDATE", happened: "2026-02-03 10:00:00", before: { addint: 1 } },
      { game: "DICE", action: "UPDATE", happened: "2026-02-03 10:30:00" },
    ]);
    const page = await client.gamesChanges(TOKEN, {
      session: sessionId,
      game: "LINK",
      action: "UPDATE",
      from: new Date("2026-02-03T09:59:59.900Z"),
      to: new Date("2026-02-03T10:10:00Z"),
      limit: 500,
      includeRaw: true,
      includeDiff: false,
    });
    expect(fake.requests.at(-1)?.query).toEqual({
      session: String(sessionId),
      game: "LINK",
      action: "UPDATE",
      from: "2026-02-03 09:59:59",
      to: "2026-02-03 10:10:00",
      limit: "200",
      include_raw: "1",
      include_diff: "0",
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ game: "LINK", changes: [], before: { addint: 1 } });
  });

  it("iterates 130 changes over cursor pages exactly once, in order", async () => {
    const { fake, client, sessionId } = await setup();
    // Pairs share a second, so the id tie-breaker decides the order inside each pair.
    fake.addGameChanges(
      sessionId,
      Array.from({ length: 130 }, (_, i) => ({
        id: i + 1,
        happened: new Date(Date.UTC(2026, 1, 3, 0, 0, Math.floor(i / 2))),
      })),
    );
    const all = await collect(client.iterateGamesChanges(TOKEN, { session: sessionId, limit: 50 }));
    expect(all.map((c) => c.id)).toEqual(Array.from({ length: 130 }, (_, i) => 130 - i));
    expect(fake.requests).toHaveLength(3);
  });

  it("raises typed errors: a bad token, a refused parameter, a local check", async () => {
    const { client, sessionId } = await setup();
    expect(await rejectionOf(client.gamesChanges("nope", { session: sessionId }))).toBeInstanceOf(
      TrackerAuthError,
    );
    const refused = await rejectionOf(client.gamesChanges(TOKEN, { session: 99_999 }));
    expect(refused).toBeInstanceOf(TrackerValidationError);
    expect(refused).toMatchObject({ endpoint: "games_changes", code: "session_not_found" });
    expect(() => gamesChangesParams({ session: 0 })).toThrow(TrackerValidationError);
  });

  it("reports has_games_changes on sessions", async () => {
    const { fake, client, sessionId } = await setup();
    expect((await client.session(TOKEN, sessionId)).hasGamesChanges).toBe(false);
    fake.addGameChanges(sessionId, [{}]);
    expect((await client.session(TOKEN, sessionId)).hasGamesChanges).toBe(true);
  });
});

describe("gameChangeSchema", () => {
  it("reads numbers and null in changes as text, and tolerates unknown fields", () => {
    const parsed = gameChangeSchema.parse({
      id: "12",
      game: "LUCK",
      action: "UPDATE",
      happened: "2026-02-03 10:00:00",
      dom_nick: "",
      changes: [{ label: "waiting time", from: 3600, to: null, extra: 1 }],
      future_field: true,
    });
    expect(parsed).toMatchObject({
      id: 12,
      domNick: null,
      changes: [{ label: "waiting time", from: "3600", to: null }],
    });
  });

  it("refuses an unknown action", () => {
    const result = gameChangeSchema.safeParse({
      id: 1,
      game: "DICE",
      action: "MERGE",
      happened: "2026-02-03 10:00:00",
    });
    expect(result.success).toBe(false);
  });
});
