import { describe, expect, it } from "vitest";
import { createCoalescer } from "../../src/util/coalesce.js";
import { createFakeClock } from "../fakes/clock.js";

describe("createCoalescer", () => {
  it("runs at once, then at most once per window per key, however often asked", async () => {
    const clock = createFakeClock();
    const runs: { key: string; at: number }[] = [];
    const c = createCoalescer({
      clock,
      everyMs: 5000,
      run: async (key) => {
        runs.push({ key, at: clock.now() });
      },
    });
    const start = clock.now();
    c.request("a");
    for (let i = 0; i < 50; i++) {
      await clock.advance(200);
      c.request("a");
    }
    c.request("b");
    await clock.advance(10_000);
    const a = runs.filter((r) => r.key === "a").map((r) => r.at - start);
    // 10 s of requests: at 0, then at the end of each 5 s window; the request made just after
    // the run at 10 s is a change that run did not show, so one more window's run follows.
    expect(a).toEqual([0, 5000, 10_000, 15_000]);
    expect(runs.filter((r) => r.key === "b")).toHaveLength(1);
  });

  it("forgets a cancelled key's waiting run and window", async () => {
    const clock = createFakeClock();
    let runs = 0;
    const c = createCoalescer({ clock, everyMs: 5000, run: async () => void runs++ });
    c.request("a");
    c.request("a");
    c.cancel("a");
    await clock.advance(6000);
    expect(runs).toBe(1);
    c.request("a");
    expect(runs).toBe(2);
    c.stop();
  });
});
