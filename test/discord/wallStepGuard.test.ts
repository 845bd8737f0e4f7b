/**
 * The wall-step guard: detects a step of the wall clock against the monotonic one, logs it once,
 * and moves discord.js's REST rate-limit timestamps with it; slewing and jitter are left alone.
 * The last part runs the real @discordjs/rest client against the fake Discord with the process's
 * Date stepped (timers and performance.now stay real): Date is the clock discord.js reads.
 */
import { REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/util/clock.js";
import { startWallStepGuard } from "../../src/discord/wallStepGuard.js";
import { captureLogger, levels } from "../store/helpers.js";
import { createFakeClock, stepSystemWallClock } from "../fakes/clock.js";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";

const hour = 3_600_000;

/** A REST client's clock state as discord.js keeps it: one route with a reset, one never limited. */
function restState(now: number) {
  const rest = new REST();
  rest.globalReset = now + 800;
  const limited = { reset: now + 4_000 };
  const fresh = { reset: -1 };
  rest.handlers.set("route:limited", limited as never);
  rest.handlers.set("route:fresh", fresh as never);
  return { rest, limited, fresh };
}

describe("the wall-step guard", () => {
  it.each([
    ["back", -hour],
    ["forward", 30_000],
  ])(
    "a step %s is logged once with its size and moves the REST waits with it",
    async (_d, step) => {
      const clock = createFakeClock();
      const { rest, limited, fresh } = restState(clock.wall());
      const { logger, lines } = captureLogger();
      const guard = startWallStepGuard({ clock, rest, logger });
      await clock.advance(1_500);
      clock.stepWall(step);
      await clock.advance(10_000);
      const warnings = lines.filter((l) => l.level === levels.warn);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({ stepMs: step, direction: step < 0 ? "back" : "forward" });
      // The waits are as long as before the step, on the new wall clock.
      expect(limited.reset - clock.wall()).toBe(4_000 - 11_500);
      expect(rest.globalReset).toBe(clock.wall() - 11_500 + 800);
      expect(fresh.reset).toBe(-1);
      guard.stop();
    },
  );

  it("leaves jitter and a slewing clock alone", async () => {
    const clock = createFakeClock();
    const { rest, limited } = restState(clock.wall());
    const before = { global: rest.globalReset, reset: limited.reset };
    const { logger, lines } = captureLogger();
    const guard = startWallStepGuard({ clock, rest, logger });
    // 10 minutes of checks: 400 ms of jitter back and forth, drifting 1 ms every 2 s.
    for (let s = 0; s < 600; s++) {
      clock.stepWall(s % 2 === 0 ? 400 : -399);
      await clock.advance(1_000);
    }
    expect(lines.filter((l) => l.level >= levels.warn)).toEqual([]);
    expect({ global: rest.globalReset, reset: limited.reset }).toEqual(before);
    guard.stop();
    expect(clock.pending()).toBe(0);
  });
});

describe("the wall-step guard and the real discord.js REST client", () => {
  let fake: FakeDiscord | undefined;
  let wall: ReturnType<typeof stepSystemWallClock> | undefined;
  afterEach(async () => {
    wall?.restore();
    await fake?.close();
    fake = undefined;
  });

  it("after a step back of an hour, a used-up route and the global counter do not wait an hour", async () => {
    fake = await startFakeDiscord({ rateLimit: { limit: 2, windowMs: 1_500 } });
    const channelId = fake.addChannel(fake.addGuild());
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.botToken);
    wall = stepSystemWallClock();
    const { logger, lines } = captureLogger();
    // Checked by hand below; the interval is the production one and would race the test.
    const guard = startWallStepGuard({ clock: systemClock, rest, logger, intervalMs: hour });

    // The first answer teaches discord.js the bucket, the second empties it: discord.js now holds
    // the channel until Date.now() passes the bucket's reset.
    for (const content of ["first", "second"]) {
      await rest.post(Routes.channelMessages(channelId), { body: { content } });
    }
    wall.step(-hour);
    expect(guard.check()).toBeLessThan(-hour + 2_000);
    await rest.post(Routes.channelMessages(channelId), { body: { content: "third" } });
    // More than the 50 requests a second discord.js counts against a reset on Date.now().
    for (let i = 0; i < 60; i++) await rest.get(Routes.gatewayBot());

    expect(fake.messages(channelId).map((m) => m.content)).toEqual(["first", "second", "third"]);
    expect(fake.rateLimitHits).toBe(0);
    expect(lines.filter((l) => l.level === levels.warn)).toHaveLength(1);
    guard.stop();
  }, 20_000);
});
