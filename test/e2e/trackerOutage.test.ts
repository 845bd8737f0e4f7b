/**
 * Issue 24: a bot that follows one or two sessions, on real timers (1 s interval), while the
 * tracker answers 503 to everything for 20 s. Before, each source's own backoff decided alone
 * (1, 2, 4, 8, 16 s...): during the outage the tracker went unasked for longer and longer, and
 * the items waiting were posted up to the next backoff step after its return (7 s and more
 * here, 86 s after 3 minutes). Now it is one outage: a probe at most an interval apart (the
 * client's own two quick retries of a probe included), and every item posted within an
 * interval of the return plus the budget's pace. `npm run bench:outage` runs the 3-minute case.
 */
import { describe, expect, it } from "vitest";
import { longestSilence, runOutage } from "./outageRun.js";

const outageMs = 20_000;

describe.each([1, 2])(
  "a 20 s tracker outage, %i followed session(s), 1 s interval",
  (followers) => {
    it("probes at most an interval apart and posts everything within an interval of the return, once", async () => {
      const run = await runOutage({ followers, outageMs, recoveryLimitMs: 30_000 });
      // Probes: the interval (1 s) apart, a probe's own retries (up to 1.5 s) and a loaded
      // machine's slack; own backoffs had left 8 s and then 16 s without a request.
      expect(longestSilence(run.failed, 0, outageMs)).toBeLessThanOrEqual(4000);
      // The next probe (an interval), one more tick for the others (an interval), the budget's
      // pace (0.6 s a request at 100 a minute) for a few reads, and the post.
      expect(run.recoveryMs).toBeLessThanOrEqual(5000);
      expect([...run.posted].sort((a, b) => a - b)).toEqual(run.expected);
      expect(run.rateLimited).toBe(0);
    }, 90_000);
  },
);
