/** The play records on a real SQLite file: recorded before sending, never twice, sealed tokens. */
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/keyvStore.js";
import type { PlayAttempt } from "../../src/store/plays.js";
import type { Store } from "../../src/store/types.js";
import { captureLogger, cipherFor, databaseBytes, randomKey, tempFolder } from "./helpers.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const key = randomKey();

async function open(dir: string): Promise<Store> {
  const store = await openStore({
    databaseUrl: `sqlite://${join(dir, "bot.sqlite")}`,
    cipher: cipherFor(key),
    logger: captureLogger().logger,
  });
  cleanups.push(() => store.close());
  return store;
}

function vote(id: string, userId: string, createdAt: string): PlayAttempt {
  return {
    id,
    kind: "vote",
    userId,
    panelId: "panel1",
    game: "link",
    session: 7,
    type: "add",
    createdAt,
    state: "pending",
    seconds: null,
    scheduledEnd: null,
    multiplier: null,
  };
}

describe("play store", () => {
  it("records an attempt once: the same id again is refused", async () => {
    const { dir, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const store = await open(dir);
    expect(await store.plays.begin(vote("i1", "u1", "2026-02-01T10:00:00.000Z"))).toBeUndefined();
    const again = await store.plays.begin(vote("i1", "u1", "2026-02-01T10:00:01.000Z"));
    expect(again?.reason).toBe("exists");
  });

  it("lets only one of two simultaneous votes by a member through the cooldown", async () => {
    const { dir, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const store = await open(dir);
    // Every earlier vote still has its cooldown to run.
    const since = () => 60_000;
    const results = await Promise.all([
      store.plays.begin(vote("a", "u1", "2026-02-01T10:00:00.000Z"), since),
      store.plays.begin(vote("b", "u1", "2026-02-01T10:00:00.000Z"), since),
      store.plays.begin(vote("c", "u2", "2026-02-01T10:00:00.000Z"), since),
    ]);
    expect(results.filter((r) => r === undefined)).toHaveLength(2);
    expect(results.filter((r) => r?.reason === "cooldown")).toHaveLength(1);
    // A refused vote changed nothing on the tracker: it does not hold the cooldown.
    await store.plays.finish("c", { state: "refused" });
    expect(
      await store.plays.begin(vote("d", "u2", "2026-02-01T10:01:00.000Z"), since),
    ).toBeUndefined();
  });

  it("turns a pending attempt into 'unknown' when the store opens again", async () => {
    const { dir, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const first = await open(dir);
    await first.plays.begin(vote("p1", "u1", "2026-02-01T10:00:00.000Z"));
    await first.close();
    const second = await open(dir);
    expect((await second.plays.get("p1"))?.state).toBe("unknown");
    expect((await second.plays.begin(vote("p1", "u1", "2026-02-01T11:00:00.000Z")))?.reason).toBe(
      "exists",
    );
  });

  it("seals a panel's link token and opens it only on request", async () => {
    const { dir, cleanup } = await tempFolder();
    cleanups.push(cleanup);
    const store = await open(dir);
    const token = "lgSECRET0123456789";
    await store.plays.putPanel({
      id: "panel1",
      guildId: "1",
      channelId: "2",
      messageId: null,
      ownerId: "3",
      nick: "wearer",
      session: 7,
      token,
      types: ["add", "sub", "rand"],
      scheduledEnd: null,
      createdAt: "2026-02-01T10:00:00.000Z",
      status: "open",
      closedReason: null,
    });
    const panel = await store.plays.getPanel("panel1");
    expect(panel?.token).not.toContain(token);
    expect(store.plays.panelToken(panel!)).toBe(token);
    await store.close();
    expect((await databaseBytes(join(dir, "bot.sqlite"))).includes(token)).toBe(false);
  });
});
