/**
 * `npm run bench:outage`: issue 24's small-bot outage at full length. The real bot (1 s
 * interval, 100 requests a minute) follows the active session of 1, then 2 members; the fake
 * tracker answers 503 to everything for 3 minutes. Prints the longest time the tracker went
 * unasked during the outage, the requests it got, and how long after its return every pending
 * item was posted (the issue measured 86 s with 2 sessions before).
 */
import { longestSilence, runOutage } from "../test/e2e/outageRun.js";

const outageMs = Number(process.env.OUTAGE_SECONDS ?? 180) * 1000;

for (const followers of [1, 2]) {
  const run = await runOutage({ followers, outageMs, recoveryLimitMs: 15 * 60_000 });
  const exactlyOnce = [...run.posted].sort((a, b) => a - b).join() === run.expected.join();
  console.log(
    JSON.stringify({
      followers,
      outageSeconds: outageMs / 1000,
      recoverySeconds: Math.round(run.recoveryMs / 100) / 10,
      longestSilenceSeconds: Math.round(longestSilence(run.failed, 0, outageMs) / 100) / 10,
      requestsDuringOutage: run.failed.length,
      exactlyOnce,
      rateLimited: run.rateLimited,
    }),
  );
}
