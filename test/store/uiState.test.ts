/**
 * UI state (the /histories paging records) expires by elapsed time: a wall-clock step either way
 * moves no expiry; across a restart the wall clock is all there is, capped at the record's TTL.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pagingTtlMs } from "../../src/histories/view.js";
import { silentLogger } from "../../src/log.js";
import { openStore } from "../../src/store/keyvStore.js";
import type { Store } from "../../src/store/types.js";
import { createFakeClock, type FakeClock } from "../fakes/clock.js";
import { cipherFor, randomKey, rawDatabase, tempFolder } from "./helpers.js";

const cipher = cipherFor(randomKey());
const minute = 60_000;
const hour = 60 * minute;

describe("UI state expiry", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const open: Store[] = [];

  async function openOn(clock: FakeClock) {
    const store = await openStore({
      databaseUrl: `sqlite://${join(dir, "bot.sqlite")}`,
      cipher,
      logger: silentLogger(),
      clock,
    });
    open.push(store);
    return store;
  }

  /** Keys of the rows the ui namespace holds on disk. */
  async function rowsOnDisk(): Promise<string[]> {
    const raw = rawDatabase(join(dir, "bot.sqlite"));
    const keys: string[] = [];
    for await (const [key] of raw.adapter.iterator("ui")) keys.push(String(key));
    await raw.adapter.disconnect();
    return keys.sort();
  }

  beforeEach(async () => {
    ({ dir, cleanup } = await tempFolder());
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    await cleanup();
  });

  it.each([
    ["back", -hour],
    ["forward", hour],
  ])("a wall-clock step %s of an hour changes no expiry", async (_direction, step) => {
    const clock = createFakeClock();
    const store = await openOn(clock);
    await store.uiState.set("histories:a", { page: 2 }, pagingTtlMs);
    await clock.advance(5 * minute);
    clock.stepWall(step);
    await clock.advance(pagingTtlMs - 5 * minute - 1);
    expect(await store.uiState.get("histories:a")).toEqual({ page: 2 });
    await clock.advance(1);
    expect(await store.uiState.get("histories:a")).toBeUndefined();
    expect(await rowsOnDisk()).toEqual([]);
  });

  it("deletes expired records nobody reads again when the next one is written", async () => {
    const clock = createFakeClock();
    const store = await openOn(clock);
    await store.uiState.set("histories:old", 1, minute);
    clock.stepWall(-hour);
    await clock.advance(minute);
    await store.uiState.set("histories:new", 2, minute);
    expect(await rowsOnDisk()).toEqual(["ui:histories:new"]);
  });

  it("after a restart: what the wall clock says is left, never more than the TTL, then monotonic", async () => {
    const before = createFakeClock();
    const first = await openOn(before);
    await first.uiState.set("histories:live", "live", 15 * minute);
    await first.uiState.set("histories:short", "short", 2 * minute);
    // Written while the wall clock was an hour ahead (then corrected): its wall-clock deadline
    // lies 75 minutes on.
    before.stepWall(hour);
    await first.uiState.set("histories:stepped", "stepped", 15 * minute);
    before.stepWall(-hour);
    await first.close();

    // The restart takes 5 minutes of wall time: "live" has 10 left, "short" none, and "stepped"
    // its TTL, 15, at most.
    const after = createFakeClock(before.wall() + 5 * minute);
    const second = await openOn(after);
    expect(await rowsOnDisk()).toEqual(["ui:histories:live", "ui:histories:stepped"]);
    after.stepWall(-hour);
    await after.advance(10 * minute - 1);
    expect(await second.uiState.get("histories:live")).toBe("live");
    expect(await second.uiState.get("histories:stepped")).toBe("stepped");
    await after.advance(1);
    expect(await second.uiState.get("histories:live")).toBeUndefined();
    expect(await second.uiState.get("histories:stepped")).toBe("stepped");
    await after.advance(5 * minute);
    expect(await second.uiState.get("histories:stepped")).toBeUndefined();
  });

  it("does not pile up: 12 rounds of short-lived records end as the one still live", async () => {
    const clock = createFakeClock();
    const store = await openOn(clock);
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 10; i++)
        await store.uiState.set(`histories:r${round}i${i}`, { userId: "1", page: i }, 40);
      await clock.advance(60);
    }
    await store.uiState.set("histories:last", { userId: "1" }, minute);
    expect(await store.uiState.sweep()).toBe(1);
    expect(await rowsOnDisk()).toEqual(["ui:histories:last"]);
  });

  it("lists and deletes one member's records only (/privacy, /unlink)", async () => {
    const store = await openOn(createFakeClock());
    await store.uiState.set("histories:a", { userId: "111", session: 4 }, minute);
    await store.uiState.set("histories:b", { userId: "111", session: 5 }, minute);
    await store.uiState.set("histories:c", { userId: "222", session: 4 }, minute);
    await store.uiState.set("histories:d", "no owner", minute);
    expect((await store.uiState.listByUser("111")).map((e) => e.key).sort()).toEqual([
      "histories:a",
      "histories:b",
    ]);
    expect(await store.uiState.deleteByUser("111")).toBe(2);
    expect(await store.uiState.listByUser("111")).toEqual([]);
    expect(await store.uiState.get("histories:c")).toEqual({ userId: "222", session: 4 });
    expect(await store.uiState.get("histories:d")).toBe("no owner");
    expect(await rowsOnDisk()).toEqual(["ui:histories:c", "ui:histories:d"]);
  });
});
