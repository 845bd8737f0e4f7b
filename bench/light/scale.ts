/**
 * `npm run bench:scale`: the bot at 10,000 subscriptions (10,000 linked members, one session
 * each, 4 a server on 2,500 servers, so 2,500 GUILD_CREATEs at login) against the fake tracker
 * and fake Discord, budget-bound (6,000 requests a minute, the most TRACKER_MAX_REQUESTS_PER_MINUTE
 * allows; 60 s interval, so the schedule runs overloaded). It runs in REAL time: no clock is
 * sped up (the bot is a separate process on the system clock). Prints time to start, RSS after
 * the warm-up and every minute after, CPU per tracker request.
 * Env: LIGHT_SCALE_SUBS (10000), LIGHT_SCALE_GUILDS (2500), LIGHT_SCALE_WARMUP_S (60),
 * LIGHT_SCALE_MINUTES (4; 30 for the long figure), DATABASE_URL (default a SQLite file in a temp
 * folder; a Postgres URL once the store speaks it: the database must be empty), LIGHT_SKIP_BUILD.
 */
import { buildContenders } from "./build.js";
import { spawnContender } from "./contender.js";
import { cpuMs, memory, sleep, waitFor } from "./proc.js";
import { startWorld } from "./world.js";

const subs = Number(process.env.LIGHT_SCALE_SUBS ?? "10000");
const guilds = Number(process.env.LIGHT_SCALE_GUILDS ?? "2500");
const warmupS = Number(process.env.LIGHT_SCALE_WARMUP_S ?? "60");
const minutes = Number(process.env.LIGHT_SCALE_MINUTES ?? "4");

buildContenders();
const seeding = performance.now();
const world = await startWorld({
  members: subs,
  guilds,
  itemsPerSession: 10,
  databaseUrl: process.env.DATABASE_URL,
});
const seedS = (performance.now() - seeding) / 1000;
const run = spawnContender("bot", world, {
  intervalS: 60,
  warmupS: 0,
  idleS: 0,
  env: { LOG_LEVEL: "info" },
});
const pid = run.child.pid as number;
/** ms after spawn of the first log line with this message (pino's `time`). */
const logged = (msg: string): number | undefined => {
  const line = run
    .output()
    .split("\n")
    .find((l) => l.includes(`"msg":"${msg}`));
  const time = line ? (JSON.parse(line) as { time?: number }).time : undefined;
  return time === undefined ? undefined : time - run.spawnedAt;
};
try {
  await waitFor("the first poll", 180_000, () => world.tracker.requests.length > 0);
  const firstPollMs = (world.tracker.requests[0]?.at ?? 0) - run.spawnedAt;
  const label = `${subs.toLocaleString("en")} subscriptions on ${guilds.toLocaleString("en")} servers (${world.databaseUrl.split(":")[0]})`;
  console.log(`\nscale: ${label}, seeded in ${seedS.toFixed(0)} s`);
  console.log(
    `start: store open ${world.storeOpenMs.toFixed(0)} ms (same database, measured in the bench), connected to Discord after ${logged("connected to Discord")} ms, ready after ${logged("ready: polling")} ms, first tracker request after ${firstPollMs} ms (from spawn)`,
  );
  await sleep(warmupS * 1000);
  world.tracker.resetRequests();
  const cpuStart = cpuMs(pid);
  const started = performance.now();
  const series = [memory(pid).rssMiB];
  console.log(`rss after ${warmupS} s warm-up: ${series[0]?.toFixed(0)} MiB`);
  for (let m = 1; m <= minutes; m++) {
    await sleep(60_000);
    series.push(memory(pid).rssMiB);
    const requests = world.tracker.requests.length;
    const cpu = cpuMs(pid) - cpuStart;
    const wallS = (performance.now() - started) / 1000;
    console.log(
      `minute ${m}: rss ${series.at(-1)?.toFixed(0)} MiB, ${requests} tracker requests so far (${((requests / wallS) * 60).toFixed(0)}/min), CPU ${((cpu / wallS / 1000) * 100).toFixed(1)} % of a core, ${(cpu / Math.max(1, requests)).toFixed(2)} ms per request`,
    );
  }
  const { peakMiB } = memory(pid);
  console.log(
    `rss: ${series.map((r) => r.toFixed(0)).join(" -> ")} MiB (peak ${peakMiB.toFixed(0)} MiB)`,
  );
} catch (err) {
  process.stderr.write(run.output().slice(-3000));
  throw err;
} finally {
  await run.stop();
  await world.close();
}
