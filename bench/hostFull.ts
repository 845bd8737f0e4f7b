/**
 * `npx tsx bench/hostFull.ts [minutes]` (root; mounts a tmpfs): the data
 * folder's disk full for some minutes while one member's session keeps
 * changing. Prints the error/warn log lines per minute, the /healthz
 * timeline, and how long the held posts took once space returned.
 */
import { performance } from "node:perf_hooks";
import { linkMember, startHarness } from "../test/e2e/harness.js";
import { health, mountSmallDisk, recordHealth } from "../test/e2e/hostFs.js";
import { botPosts } from "../test/e2e/posts.js";

const minutes = Number(process.argv[2] ?? 3);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const disk = await mountSmallDisk();
const h = await startHarness({
  env: { DATABASE_URL: `sqlite://${disk.databaseFile}`, HEALTH_PORT: "0", LOG_LEVEL: "info" },
});
try {
  const token = "tok_bench_00112233445566778899aabbcc";
  const userId = h.member("lucy");
  h.tracker.addToken(token, { nick: "lucy" });
  const session = h.tracker.addSession(token, { active: true });
  await linkMember(h, userId, token);
  await h.discord.interact
    .chatInput({
      userId,
      guildId: h.guildId,
      channelId: h.channelId,
      name: "subscribe",
      options: { session },
    })
    .waitFor("edit");
  const port = h.bot.healthPort ?? 0;
  await sleep(2000);
  const logLines = () =>
    h
      .logs()
      .split("\n")
      .filter((l) => l.trim() !== "");
  const logStart = logLines().length;
  const timeline = recordHealth(port, 5000);
  await disk.fill();
  const fullAt = performance.now();
  let added = 0;
  while (performance.now() - fullAt < minutes * 60_000) {
    h.tracker.addHistory(session, [
      {
        type: "ADD",
        unit: 60,
        source: "DICE",
        happened: new Date(Date.now() - 1000),
        schedule: new Date(Date.UTC(2027, 0, 1) + added * 60_000),
      },
    ]);
    added++;
    await sleep(10_000);
  }
  const postsBefore = botPosts(h.discord, h.channelId).length;
  await disk.free();
  const freedAt = performance.now();
  await h.discord.waitFor(
    () => botPosts(h.discord, h.channelId).length > postsBefore,
    60_000,
    "held posts",
  );
  const postedMs = performance.now() - freedAt;
  let healthyMs = Number.NaN;
  for (let i = 0; i < 100; i++) {
    if ((await health(port)).status === 200) {
      healthyMs = performance.now() - freedAt;
      break;
    }
    await sleep(200);
  }
  await sleep(2000);
  const lines = logLines()
    .slice(logStart)
    .map((l) => JSON.parse(l) as { level: number; msg: string; time: number });
  const loud = lines.filter((l) => l.level >= 40);
  const perMinute = new Map<number, number>();
  const t0 = loud[0]?.time ?? 0;
  for (const l of loud)
    perMinute.set(
      Math.floor((l.time - t0) / 60_000),
      (perMinute.get(Math.floor((l.time - t0) / 60_000)) ?? 0) + 1,
    );
  console.log(`disk full ${minutes} min, ${added} items added at the tracker meanwhile`);
  console.log(
    `error/warn lines: ${loud.length} in total; per minute: ${[...perMinute.values()].join(", ")}`,
  );
  for (const l of loud)
    console.log(`  +${((l.time - t0) / 1000).toFixed(0)} s [${l.level}] ${l.msg.slice(0, 90)}`);
  console.log(
    `recovery line: ${lines.filter((l) => l.msg.startsWith("store can write again")).length}`,
  );
  console.log(
    `held posts out ${postedMs.toFixed(0)} ms and /healthz 200 ${healthyMs.toFixed(0)} ms after space returned`,
  );
  console.log(`/healthz every 5 s: ${await timeline.stop()}`);
  console.log(`items posted: ${botPosts(h.discord, h.channelId).length} message(s)`);
} finally {
  await h.close();
  await disk.unmount();
}
