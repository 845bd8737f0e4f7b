import { describe, expect, it } from "vitest";
import { createRequestBudget, perSecondCap } from "../../src/tracker/budget.js";
import type { TrackerPriority } from "../../src/tracker/priority.js";
import { createFakeClock } from "../fakes/clock.js";

/** Largest number of `starts` inside any window of `windowMs` (inclusive ends). */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  let best = 0;
  let from = 0;
  for (let to = 0; to < starts.length; to++) {
    while ((starts[to] as number) - (starts[from] as number) >= windowMs) from++;
    best = Math.max(best, to - from + 1);
  }
  return best;
}

function setup(perMinute: number) {
  const clock = createFakeClock();
  const budget = createRequestBudget({ perMinute, clock });
  const starts: Array<{ at: number; who: string }> = [];
  const request = (who: string, priority: TrackerPriority = "background") =>
    budget.acquire(priority).then(() => starts.push({ at: clock.now(), who }));
  return { clock, budget, starts, request };
}

describe("the request budget", () => {
  it("spreads a burst evenly: per 1 s and per 60 s windows stay within the caps", async () => {
    for (const perMinute of [1, 7, 60, 100, 150, 600]) {
      const { clock, starts, request } = setup(perMinute);
      for (let i = 0; i < perMinute * 3 + 5; i++) void request(`r${i}`);
      await clock.advance((4 + Math.ceil(5 / perMinute)) * 60_000);
      const times = starts.map((s) => s.at);
      expect(times).toHaveLength(perMinute * 3 + 5);
      expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(perSecondCap(perMinute));
      expect(busiestWindow(times, 60_000)).toBeLessThanOrEqual(perMinute);
    }
  });

  it("starts a lone request at once", async () => {
    const { clock, starts, request } = setup(100);
    void request("a");
    await clock.advance(0);
    expect(starts).toEqual([{ at: clock.now(), who: "a" }]);
  });

  it("lets an interactive request go ahead of queued background ones, in the same budget", async () => {
    const { clock, starts, request } = setup(60);
    for (let i = 0; i < 5; i++) void request(`poll${i}`);
    await clock.advance(0);
    void request("member", "interactive");
    await clock.advance(10_000);
    expect(starts.map((s) => s.who)).toEqual([
      "poll0",
      "member",
      "poll1",
      "poll2",
      "poll3",
      "poll4",
    ]);
    const times = starts.map((s) => s.at);
    expect(busiestWindow(times, 1000)).toBeLessThanOrEqual(perSecondCap(60));
  });

  it("pauses every start after a 429 until Retry-After, then recovers in steps", async () => {
    const { clock, budget, starts, request } = setup(60);
    const t0 = clock.now();
    budget.rateLimited(20_000);
    expect(budget.snapshot()).toMatchObject({ rateLimited: 1, effectivePerMinute: 0 });
    for (let i = 0; i < 40; i++) void request(`r${i}`, i === 3 ? "interactive" : "background");
    await clock.advance(19_999);
    expect(starts).toHaveLength(0);
    await clock.advance(1);
    expect(starts[0]).toEqual({ at: t0 + 20_000, who: "r3" });
    // 25 % of 60/min for the first 30 s: one start every 4 s.
    await clock.advance(29_999);
    expect(starts).toHaveLength(8);
    expect(budget.snapshot().effectivePerMinute).toBe(15);
    await clock.advance(120_000);
    expect(budget.snapshot().effectivePerMinute).toBe(60);
    expect(starts).toHaveLength(40);
  });

  it("doubles the pause when the tracker sends no Retry-After, within one episode", async () => {
    const { clock, budget, starts, request } = setup(60);
    const t0 = clock.now();
    budget.rateLimited();
    await clock.advance(30_000);
    budget.rateLimited();
    void request("a");
    await clock.advance(59_999);
    expect(starts).toHaveLength(0);
    await clock.advance(1);
    expect(starts).toEqual([{ at: t0 + 90_000, who: "a" }]);
  });
});

describe("the request budget on the monotonic clock", () => {
  it.each([
    ["back", -3_600_000],
    ["forward", 3_600_000],
  ])("a wall-clock step %s moves neither a pause nor the spacing of starts", async (_d, step) => {
    const { clock, budget, starts, request } = setup(60);
    const t0 = clock.now();
    budget.rateLimited(20_000);
    for (let i = 0; i < 3; i++) void request(`r${i}`);
    await clock.advance(10_000);
    clock.stepWall(step);
    await clock.advance(30_000);
    expect(starts.map((s) => s.at - t0)).toEqual([20_000, 24_000, 28_000]);
  });
});

describe("the request budget, counting a request until its answer is in", () => {
  /** Requests through `send` that reach the tracker `trip(i)` ms after their start and are answered then. */
  async function arrivals(perMinute: number, count: number, trip: (i: number) => number) {
    const clock = createFakeClock();
    const budget = createRequestBudget({ perMinute, clock });
    const send = budget.send?.bind(budget);
    if (!send) throw new Error("the budget offers send()");
    const arrived: number[] = [];
    const requests = Array.from({ length: count }, (_, i) =>
      send("background", async () => {
        await new Promise<void>((resolve) => clock.setTimer(trip(i), resolve));
        arrived.push(clock.now());
      }),
    );
    await clock.advance(10 * 60_000);
    await Promise.all(requests);
    return arrived.sort((a, b) => a - b);
  }

  it("a request delayed on its way never shares a tracker minute with the one started 60 s after it", async () => {
    // Every third takes 5 s to arrive, the rest none: counted at their starts, the third would
    // start 60 s after the first and reach the tracker 55 s after it.
    const arrived = await arrivals(2, 9, (i) => (i % 3 === 0 ? 5_000 : 0));
    expect(arrived).toHaveLength(9);
    expect(busiestWindow(arrived, 60_000)).toBeLessThanOrEqual(2);
  });

  it("holds the next start while a whole minute's worth is still unanswered", async () => {
    const clock = createFakeClock();
    const budget = createRequestBudget({ perMinute: 2, clock });
    const answers: Array<() => void> = [];
    const hang = () => new Promise<void>((resolve) => answers.push(resolve));
    void budget.send?.("background", hang);
    void budget.send?.("background", hang);
    let third = false;
    void budget.acquire("background").then(() => {
      third = true;
    });
    await clock.advance(5 * 60_000);
    expect(third).toBe(false);
    answers[0]?.();
    await clock.advance(59_999);
    expect(third).toBe(false);
    await clock.advance(1);
    expect(third).toBe(true);
    expect(budget.snapshot().started).toBe(3);
  });
});

describe("the request budget's batches", () => {
  /** Requests arriving at the given times (ms from now); resolves with their start times. */
  async function startsFor(perMinute: number, arrivals: readonly number[], batchMs?: number) {
    const clock = createFakeClock();
    const budget = createRequestBudget({
      perMinute,
      clock,
      ...(batchMs !== undefined && { batchMs }),
    });
    const t0 = clock.now();
    const starts: number[] = [];
    const byTime = new Map<number, number>();
    for (const at of arrivals) byTime.set(at, (byTime.get(at) ?? 0) + 1);
    for (const [at, count] of byTime) {
      clock.setTimer(at, () => {
        for (let i = 0; i < count; i++)
          void budget.acquire("background").then(() => starts.push(clock.now() - t0));
      });
    }
    await clock.advance(Math.max(0, ...arrivals) + (arrivals.length / perMinute + 2) * 60_000);
    expect(starts).toHaveLength(arrivals.length);
    return starts.sort((a, b) => a - b);
  }

  it("releases a backlog a batch at a time, at the budget's pace", async () => {
    // 6,000 a minute: a slot every 10 ms; 60 waiting go ten at a time every 100 ms.
    const starts = await startsFor(6000, Array(60).fill(0));
    expect([...new Set(starts)]).toEqual([0, 100, 200, 300, 400, 500]);
    expect(starts.filter((at) => at === 200)).toHaveLength(10);
    // Without batches every start has its own moment, 10 ms apart: the same pace.
    const even = await startsFor(6000, Array(60).fill(0), 0);
    expect(new Set(even).size).toBe(60);
    expect(even.at(-1)).toBe(590);
  });

  it("keeps every 1 s window at the cap when a trickle follows a batch", async () => {
    // A batch at 0, then one request every 10 ms: each finds its slot less than a batch away,
    // so the spacing alone would allow ten more in the first second than the cap.
    const arrivals = [...Array(10).fill(0), ...Array.from({ length: 300 }, (_, i) => 10 + i * 10)];
    const starts = await startsFor(6000, arrivals);
    expect(busiestWindow(starts, 1000)).toBe(perSecondCap(6000));
    expect(busiestWindow(starts, 60_000)).toBeLessThanOrEqual(6000);
  });

  it("holds both caps for clumped arrivals at any budget", async () => {
    let seed = 27;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (const perMinute of [7, 100, 600, 6000, 7000]) {
      // Clumps of 1 to 80 requests at random moments of two minutes, a few within ms.
      const arrivals: number[] = [];
      while (arrivals.length < perMinute * 2) {
        const at = Math.floor(random() * 120_000);
        const clump = 1 + Math.floor(random() * 80);
        for (let i = 0; i < clump; i++) arrivals.push(at + Math.floor(random() * 5));
      }
      const starts = await startsFor(perMinute, arrivals);
      expect(busiestWindow(starts, 1000)).toBeLessThanOrEqual(perSecondCap(perMinute));
      expect(busiestWindow(starts, 60_000)).toBeLessThanOrEqual(perMinute);
    }
  });
});
