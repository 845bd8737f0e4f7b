/**
 * `npm run bench:overload`: issue 24's overloaded setting at full size, in real time (the
 * end-to-end test runs it on a clock sped up 4x): 40 sessions, 60 requests a minute, a 2 s
 * interval, 5 busy sessions changing every ~5 s among 35 quiet for days, a 74 s load phase with
 * one change on each of 5 quiet sessions. Prints the busy changes' delays (p50, p95), the
 * quiet ones' (each), and where the load phase's requests went (the bot's /metrics by reason,
 * the fake tracker's log by endpoint).
 */
import { systemClock } from "../src/util/clock.js";
import { percentile, runOverload } from "../test/e2e/overloadRun.js";

const run = await runOverload({ clock: systemClock, loadMs: 74_000 });
const s = (ms: number) => Math.round(ms / 100) / 10;
console.log(
  JSON.stringify(
    {
      busy: {
        changes: run.busy.length,
        p50: s(percentile(run.busy, 0.5)),
        p95: s(percentile(run.busy, 0.95)),
        max: s(Math.max(...run.busy)),
      },
      quiet: run.quiet.map(s),
      quietWorst: s(Math.max(...run.quiet)),
      unposted: run.unposted,
      repeated: run.repeated,
      rateLimited: run.rateLimited,
      loadSeconds: s(run.loadMs),
      requestsByReason: run.byReason,
      requestsByEndpoint: run.byEndpoint,
      busyReadEverySeconds: run.busyReads.map((n) => s(run.loadMs / n)),
    },
    null,
    1,
  ),
);
