/**
 * Another program holds the SQLite file's exclusive lock for 15 s (a second
 * process using sqlite3 directly) while the machine is busy (a child process
 * spinning on a core) and /healthz is asked every 0.5 s: every answer comes
 * within 1 s, 503 "store busy" while locked, and the items that changed in
 * the meantime are posted once each after the release. No tmpfs needed: the
 * database is an ordinary file in the harness's temp folder.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { expect, it, onTestFinished } from "vitest";
import { health, holdLock, type HealthSample, recordHealth } from "./hostFs.js";
import { closeHarnessAfterEach, later, setup } from "./pollerSetup.js";
import { burst, expectedSchedules, postedSchedules } from "./posts.js";

closeHarnessAfterEach();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lockedForMs = 15_000;

/** A process that keeps one core busy until killed: the load a busy host puts on the bot. */
function spinCore(): ChildProcess {
  const child = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  onTestFinished(() => {
    child.kill("SIGKILL");
  });
  return child;
}

const took = (s: HealthSample) => s.atMs - s.sentMs;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

it("answers /healthz within 1 s (503 'store busy') while another program holds the lock for 15 s, and posts every item once after", async () => {
  const { h, session, subscribe } = await setup({ HEALTH_PORT: "0", HEALTH_HOST: "127.0.0.1" });
  await subscribe();
  const port = h.bot.healthPort;
  if (port === undefined) throw new Error("no health port");
  const first = await health(port);
  expect(first.status, JSON.stringify(first.body)).toBe(200);

  spinCore();
  await sleep(500);
  const lock = await holdLock(path.join(h.dir, "bot.sqlite"));
  // A failed assertion must not leave the lock to block the bot's shutdown.
  onTestFinished(() => lock.release());
  const lockedAt = performance.now();
  const timeline = recordHealth(port, 500);
  h.tracker.addHistory(session, burst(3, later(0)));
  await sleep(lockedForMs);
  expect(postedSchedules(h.discord, h.channelId)).toEqual([]);
  const releasedAt = performance.now();
  await lock.release();

  await h.discord.waitFor(
    () => postedSchedules(h.discord, h.channelId).length >= 3,
    20_000,
    "3 held items",
  );
  const postedMs = performance.now() - releasedAt;
  await sleep(1_500);
  expect(postedSchedules(h.discord, h.channelId)).toEqual(expectedSchedules(3));
  await h.discord.waitFor(
    () => timeline.samples.at(-1)?.status === 200,
    10_000,
    "/healthz 200 again",
  );
  const summary = await timeline.stop();

  const { samples } = timeline;
  const whileLocked = samples.filter((s) => s.atMs < releasedAt);
  // 15 s at one probe per 0.5 s plus its answer: far more than 10 even on a slow machine.
  expect(whileLocked.length).toBeGreaterThan(10);
  for (const sample of whileLocked) {
    expect(sample.status).toBe(503);
    expect(String(sample.body.reason)).toMatch(/store busy: another program holds/);
    // The gateway and its heartbeat kept going: the lock is the only reason.
    expect(sample.body.gateway).toBe("ready");
  }
  const slow = samples
    .filter((s) => took(s) >= 1_000)
    .map(
      (s) =>
        `${((s.sentMs - lockedAt) / 1000).toFixed(1)} s from the lock: ${s.status} after ${took(s).toFixed(0)} ms (${String(s.body.reason ?? "ok")})`,
    );
  expect(slow).toEqual([]);

  const lockedTimes = whileLocked.map(took);
  const all = samples.map(took);
  console.info(
    `[measure] locked ${((releasedAt - lockedAt) / 1000).toFixed(1)} s under CPU load: /healthz answer while locked max ${Math.max(...lockedTimes).toFixed(0)} ms, p95 ${percentile(lockedTimes, 95).toFixed(0)} ms, median ${percentile(lockedTimes, 50).toFixed(0)} ms (${lockedTimes.length} answers, all 503); until 200 again max ${Math.max(...all).toFixed(0)} ms over ${all.length}; held items posted ${postedMs.toFixed(0)} ms after the release; /healthz: ${summary}`,
  );
}, 90_000);
