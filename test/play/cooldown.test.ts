/**
 * The vote cooldown on an injected clock whose wall clock steps an hour either way: within a run
 * it is judged on the monotonic clock, across a restart by the stored date, capped at its length.
 * Votes go through the real client to the fake tracker (anonymous public votes: no bearer).
 */
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log.js";
import { type NewAttempt, type SendDeps, sendPlayOnce } from "../../src/play/send.js";
import { cooldownLeft } from "../../src/play/vote.js";
import { createMemoryPlayStore, type PlayAttempt } from "../../src/store/plays.js";
import { createTrackerClient } from "../../src/tracker/client.js";
import { createFakeClock } from "../fakes/clock.js";
import { startFakeTracker } from "../fakes/tracker.js";
import { cipherFor, randomKey } from "../store/helpers.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const minute = 60_000;
const hour = 60 * minute;
const cooldownMs = hour;
const LINK = "lg0c00ld0wn1234567";

async function setup() {
  const fake = await startFakeTracker();
  cleanups.push(() => fake.close());
  fake.addToken("ct2_cooldown-wearer-0123456789ab", { nick: "wearer", linkToken: LINK });
  fake.addSession("ct2_cooldown-wearer-0123456789ab", {});
  const tracker = createTrackerClient({ baseUrl: fake.url, retries: 0 });
  cleanups.push(() => tracker.close());
  const clock = createFakeClock();
  const plays = createMemoryPlayStore(cipherFor(randomKey()));
  const deps: SendDeps = {
    plays,
    tracker,
    logger: silentLogger(),
    wall: () => new Date(clock.wall()),
    clock,
  };
  let n = 0;
  const vote = () => {
    const attempt: NewAttempt = {
      id: `press-${++n}`,
      kind: "vote",
      userId: "voter",
      panelId: "panel",
      game: "link",
      session: null,
      type: "add",
    };
    return sendPlayOnce(
      deps,
      attempt,
      undefined,
      { game: "link", dom: false, token: LINK, type: "add" },
      (last) => cooldownLeft(clock, last, cooldownMs),
    );
  };
  const posts = () => fake.requests.filter((r) => r.endpoint === "games").length;
  return { clock, plays, vote, posts };
}

describe("the vote cooldown", () => {
  it("is not lengthened by a wall-clock step back of an hour", async () => {
    const { clock, vote, posts } = await setup();
    expect((await vote()).kind).toBe("done");
    await clock.advance(30 * minute);
    clock.stepWall(-hour);
    const early = await vote();
    expect(early).toMatchObject({ kind: "cooldown", leftMs: 30 * minute });
    await clock.advance(30 * minute + 1000);
    // By the wall clock only half an hour passed; by the monotonic one the cooldown is over.
    expect((await vote()).kind).toBe("done");
    expect(posts()).toBe(2);
  });

  it("is not cut short by a wall-clock step forward of an hour", async () => {
    const { clock, vote, posts } = await setup();
    expect((await vote()).kind).toBe("done");
    await clock.advance(minute);
    clock.stepWall(hour);
    expect(await vote()).toMatchObject({ kind: "cooldown", leftMs: 59 * minute });
    expect(posts()).toBe(1);
    await clock.advance(59 * minute + 1000);
    expect((await vote()).kind).toBe("done");
  });

  it("after a restart goes by the stored date, never longer than the cooldown itself", async () => {
    const { clock, plays, vote, posts } = await setup();
    const earlier = (id: string, createdAt: number): PlayAttempt => ({
      id,
      kind: "vote",
      userId: "voter",
      panelId: "panel",
      game: "link",
      session: null,
      type: "add",
      createdAt: new Date(createdAt).toISOString(),
      // A run before the restart: its monotonic reading means nothing now.
      run: "an-earlier-run",
      mono: 123,
      state: "done",
      seconds: 600,
      scheduledEnd: null,
      multiplier: 1,
    });
    await plays.begin(earlier("before-restart", clock.wall() - 10 * minute));
    expect(await vote()).toMatchObject({ kind: "cooldown", leftMs: 50 * minute });
    // A stored date three hours ahead (the wall clock was ahead then): capped at one cooldown.
    await plays.begin(earlier("from-the-future", clock.wall() + 3 * hour));
    expect(await vote()).toMatchObject({ kind: "cooldown", leftMs: hour });
    // One cooldown later both are over (the one from the future too, being adopted when read).
    await clock.advance(hour + 1000);
    // A record without its run (stored by an older version) goes by its date alone.
    const { run: _run, mono: _mono, ...old } = earlier("old-shape", clock.wall() - 59 * minute);
    await plays.begin(old);
    expect(await vote()).toMatchObject({ kind: "cooldown", leftMs: minute });
    expect(posts()).toBe(0);
  });
});
