/**
 * `npm run bench:chart` (also run by `npm run bench`): picture budgets.
 * - a 2,000-change /chart: prepare + SVG + PNG, p50/p95 and size (budget p95 150 ms, 300 KB);
 * - the /stats banner (budget 30 ms);
 * - the event loop's delay during a burst of 10 /chart calls through the whole bot
 *   (fake Discord, fake tracker, real SQLite), each walking 2,000 changes, and during
 *   10 renders alone.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { translator } from "../src/i18n/index.js";
import { bannerSvg } from "../src/pictures/banner.js";
import { prepareChart } from "../src/pictures/chartData.js";
import { renderChartMessage } from "../src/pictures/chartReply.js";
import { chartSvg } from "../src/pictures/chartSvg.js";
import { svgToPng } from "../src/pictures/render.js";
import { linkMember, startHarness } from "../test/e2e/harness.js";
import { busySession, sampleStats } from "../test/pictures/sample.js";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

async function timed(label: string, runs: number, fn: () => Promise<number>) {
  for (let i = 0; i < 5; i++) await fn(); // warm-up
  const times: number[] = [];
  let size = 0;
  // CPU time (all threads) is what the work costs; wall time also counts waiting for a core.
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    size = await fn();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
  times.sort((a, b) => a - b);
  console.log(
    `${label}: CPU ${cpuMs.toFixed(1)} ms per run; wall p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms, ${(size / 1024).toFixed(0)} KB (${runs} runs)`,
  );
}

const busy = busySession(2_000);
const now = busy.end + 86_400_000;
const input = {
  session: 77,
  nick: "lucy",
  items: busy.items,
  running: true,
  scheduledEnd: null,
  capped: true,
  cap: 2_000,
};
const t = translator("en");

await timed("chart, 2,000 changes (prepare + SVG + PNG)", 40, async () => {
  const png = await svgToPng(chartSvg(prepareChart(input), now, "en", t));
  return png.length;
});
{
  const runs: number[] = [];
  for (let i = 0; i < 40; i++) {
    const start = performance.now();
    chartSvg(prepareChart(input), now, "en", t);
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  console.log(
    `chart, 2,000 changes, the part on the event loop (prepare + SVG text): p50 ${percentile(runs, 50).toFixed(1)} ms, p95 ${percentile(runs, 95).toFixed(1)} ms`,
  );
}
await timed("chart, 25 changes", 40, async () => {
  const small = busySession(25, 3);
  return (
    await svgToPng(chartSvg(prepareChart({ ...input, items: small.items }), small.end, "en", t))
  ).length;
});
await timed("stats banner", 40, async () => {
  return (await svgToPng(bannerSvg(sampleStats(), Date.UTC(2026, 1, 1, 12), "en", t))).length;
});

async function loopDelay(label: string, burst: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const start = performance.now();
  await burst();
  const wall = performance.now() - start;
  histogram.disable();
  const ms = (ns: number) => (ns / 1e6).toFixed(1);
  console.log(
    `${label}: event-loop delay p50 ${ms(histogram.percentile(50))} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms; burst took ${wall.toFixed(0)} ms`,
  );
}

const data = prepareChart(input);
// Ten calls arriving a tick apart, as interactions do (not ten SVGs built in one synchronous stretch).
await loopDelay("10 chart renders at once", () =>
  Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i)).then(() =>
        renderChartMessage(data, now, "en"),
      ),
    ),
  ),
);

// The whole bot: 10 members, each with a 2,000-change session, run /chart at the same moment.
const h = await startHarness({ env: { LOG_LEVEL: "warn" } });
try {
  const members: string[] = [];
  for (let m = 0; m < 10; m++) {
    const userId = h.member(`bench${m}`);
    const token = `tok_bench_chart_${m}_00112233445566778899aabb`;
    h.tracker.addToken(token, { nick: `bench${m}` });
    const session = h.tracker.addSession(token, { active: true, start: new Date(busy.start) });
    h.tracker.addHistory(
      session,
      [...busySession(2_000, 40, session).items].reverse().map((i) => ({
        type: i.type,
        unit: i.unit,
        source: i.source,
        dom: i.dom,
        schedule: i.schedule,
        happened: i.happened,
      })),
    );
    await linkMember(h, userId, token);
    members.push(userId);
  }
  await loopDelay("10 /chart calls through the bot (each walks 10 pages, 2,000 changes)", () =>
    Promise.all(
      members.map((userId) =>
        h.discord.interact
          .chatInput({ userId, guildId: h.guildId, channelId: h.channelId, name: "chart" })
          .waitFor("edit", 60_000),
      ),
    ),
  );
} finally {
  await h.close();
}
