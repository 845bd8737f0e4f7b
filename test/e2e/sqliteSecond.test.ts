/**
 * Two bot processes on one SQLite file: the second exits at once, non-zero,
 * naming the file and the process holding it; a SIGKILLed holder leaves no
 * stale lock behind; a paused holder still holds it.
 */
import path from "node:path";
import { expect, it } from "vitest";
import { useChildFakes } from "./child.js";
import { botEnv } from "./harness.js";

const fakes = useChildFakes();

it("refuses a second process on the same SQLite file, and takes over after the holder's SIGKILL", async () => {
  const { discord, tracker, dir } = fakes;
  const file = path.join(dir, "bot.sqlite");
  const env = botEnv(discord, tracker, file, { LOG_LEVEL: "info" });
  const first = fakes.spawn(env);
  await discord.waitFor(
    () => discord.gateway.identifies.length >= 1,
    30_000,
    "the first bot to log in",
  );

  const second = fakes.spawn(env);
  const { code } = await second.exited;
  expect(code).not.toBe(0);
  expect(second.output()).toContain(
    `the data file ${file} is in use by process ${first.process.pid}`,
  );
  // It stopped before logging in: the first is still the only gateway session.
  expect(discord.gateway.identifies).toHaveLength(1);

  // Paused, the holder still holds the file.
  first.process.kill("SIGSTOP");
  const third = fakes.spawn(env);
  expect((await third.exited).code).not.toBe(0);
  expect(third.output()).toContain("is in use by process");

  // Killed without a chance to clean up: the kernel drops the lock, the next start works.
  first.process.kill("SIGKILL");
  await first.exited;
  const next = fakes.spawn(env);
  await discord.waitFor(
    () => discord.gateway.identifies.length >= 2,
    30_000,
    "the next bot to log in after the holder's SIGKILL",
  );
  next.process.kill("SIGTERM");
  expect((await next.exited).code).toBe(0);
}, 120_000);
