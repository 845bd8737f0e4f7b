import { describe, expect, it } from "vitest";
import { createAdmission } from "../../src/poller/schedule/admission.js";
import { createSchedule } from "../../src/poller/schedule/schedule.js";
import { channelKey } from "../../src/poller/sender/channels.js";
import { createBreaker } from "../../src/tracker/breaker.js";
import { createBackoff } from "../../src/util/backoff.js";

const minute = 60_000;
const t0 = 1_000_000;

function setup() {
  const schedule = createSchedule({
    intervalMs: minute,
    endedIntervalMs: 60 * minute,
    budgetPerMinute: 1000,
    random: () => 0.5,
  });
  schedule.census(["a", "b", "c"], t0, t0);
  for (const key of ["a", "b", "c"]) schedule.polled(key, t0, { requests: 1 });
  const breaker = createBreaker({ firstProbeMs: 5000, maxProbeMs: minute });
  const channels = createBackoff({ baseMs: minute, maxMs: 2 * minute, random: () => 0.5 });
  return {
    schedule,
    breaker,
    channels,
    admission: createAdmission({ schedule, breaker, channels }),
  };
}

describe("admission: when may a source be read next, and why", () => {
  it("a source read on plan is due at its interval, held by nothing", () => {
    const { admission } = setup();
    expect(admission.of("a", t0 + 1)).toEqual({
      at: t0 + minute,
      reason: "base",
      faultUntil: 0,
      held: false,
    });
    // A source it does not know yet is due now.
    expect(admission.of("new", t0).at).toBeLessThanOrEqual(t0);
  });

  it("its own backoff holds it until its retry, and says so", () => {
    const { schedule, admission } = setup();
    const info = schedule.failed("a", t0, 5 * minute);
    const answer = admission.of("a", t0 + 1);
    expect(answer).toMatchObject({ at: info.retryAt, reason: "backoff", held: true });
    expect(answer.faultUntil).toBe(info.retryAt);
    expect(admission.of("a", info.retryAt).held).toBe(false);
    expect(admission.of("b", t0 + 1).held).toBe(false);
  });

  it("the channel's retry comes in only for the channel asked about", () => {
    const { channels, admission } = setup();
    const info = channels.fail(channelKey("c1"), t0 + 10_000);
    expect(info.retryAt).toBeGreaterThan(t0 + minute);
    expect(admission.of("a", t0 + 1, "c1")).toMatchObject({
      at: info.retryAt,
      reason: "channelRetry",
      faultUntil: info.retryAt,
      // Reading is not what the channel's retry forbids: its sources wait as busy ones.
      held: false,
    });
    expect(admission.of("a", t0 + 1, "c2")).toMatchObject({ reason: "base", faultUntil: 0 });
  });

  it("the tracker down holds every source until the breaker's probe, which the probe tick lets through", () => {
    const { breaker, admission } = setup();
    const down = t0 + minute;
    for (const key of ["a", "b", "c"]) breaker.failed(key, down);
    expect(breaker.snapshot().probeAt).toBe(down + 5000);
    expect(admission.of("a", down + 1)).toMatchObject({
      at: down + 5000,
      reason: "breakerOpen",
      faultUntil: down + 5000,
      held: true,
    });
    expect(admission.nextAt()).toBe(down + 5000);
    expect(admission.tick(down + 1)).toBe("wait");
    expect(admission.tick(down + 5000)).toBe("probe");
    const probing = admission.of("a", down + 5000);
    expect(probing).toMatchObject({ reason: "probe", held: false });
    expect(probing.faultUntil).toBe(breaker.snapshot().probeAt);
    const status = admission.status(down + 5000);
    expect(status.tracker.breaker).toBe("half-open");
    expect(status.byReason).toEqual({ probe: 3 });
    expect(status.held).toBe(3);
  });

  it("a plan's read later than the probe stays the plan's, the fault holding it meanwhile", () => {
    const { breaker, admission } = setup();
    for (const key of ["a", "b", "c"]) breaker.failed(key, t0 + 1);
    expect(admission.of("a", t0 + 2)).toEqual({
      at: t0 + minute,
      reason: "base",
      faultUntil: t0 + 5001,
      held: true,
    });
  });

  it("wakes the loop at the earliest read, and counts the sources by reason", () => {
    const { schedule, admission } = setup();
    schedule.polled("b", t0 + 10_000, { requests: 1 });
    schedule.failed("c", t0, 10 * minute);
    expect(admission.nextAt()).toBe(t0 + minute);
    const status = admission.status(t0 + 1);
    expect(status.byReason).toEqual({ base: 2, backoff: 1 });
    expect(status.held).toBe(1);
    expect(status.sources).toBe(3);
  });
});
