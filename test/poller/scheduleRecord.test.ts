import { describe, expect, it } from "vitest";
import { createAdmission } from "../../src/poller/schedule/admission.js";
import { createSchedule, type Schedule } from "../../src/poller/schedule/schedule.js";
import { createBreaker } from "../../src/tracker/breaker.js";
import { createBackoff } from "../../src/util/backoff.js";

const minute = 60_000;

/** The admission over `schedule` alone (the tracker answers, no channel waits). */
const admitted = (schedule: Schedule) =>
  createAdmission({
    schedule,
    breaker: createBreaker({ firstProbeMs: 5000, maxProbeMs: minute }),
    channels: createBackoff({ baseMs: minute, maxMs: minute, random: () => 0.5 }),
  });
const hour = 60 * minute;
const t0 = 1_000_000;

function schedule(perTick?: number) {
  const s = createSchedule({
    intervalMs: minute,
    endedIntervalMs: hour,
    budgetPerMinute: 1000,
    ...(perTick === undefined ? {} : { perTick }),
  });
  s.census(["a", "b", "c"], t0, t0);
  for (const key of ["a", "b", "c"]) s.polled(key, t0, { requests: 1 });
  return s;
}

describe("one record per source: nextReadAt says when and why", () => {
  it("the per-tick cap takes the most overdue and marks the rest queued", () => {
    const s = schedule(1);
    s.polled("b", t0 - 5000, { requests: 1 });
    const taken = s.pick(
      ["a", "b", "c"].map((key) => ({ key, busy: false })),
      t0 + minute,
    );
    expect([...taken]).toEqual(["b"]);
    expect(s.nextReadAt("a")).toEqual({ at: t0 + minute, reason: "queued" });
    expect(s.nextReadAt("b")?.reason).toBe("base");
  });

  it("a source whose channels are all busy stays due and says so", () => {
    const s = schedule();
    const taken = s.pick(
      [
        { key: "a", busy: true },
        { key: "b", busy: true },
        { key: "b", busy: false },
      ],
      t0 + minute,
    );
    expect([...taken]).toEqual(["b"]);
    expect(s.nextReadAt("a")).toEqual({ at: t0 + minute, reason: "channelBusy" });
    expect(admitted(s).of("a", t0 + minute).at).toBeLessThanOrEqual(t0 + minute);
    s.polled("a", t0 + 2 * minute, { requests: 1 });
    expect(s.nextReadAt("a")).toEqual({ at: t0 + 3 * minute, reason: "base" });
  });

  it("a final read is due at once, stays pending after a failure, and ends with a read", () => {
    const s = schedule();
    s.finalRead("a", "sub1", t0 + 1000, 3);
    expect(s.nextReadAt("a")).toEqual({ at: t0 + 1000, reason: "finalRead" });
    expect(admitted(s).of("a", t0 + 1000).at).toBeLessThanOrEqual(t0 + 1000);
    s.polled("a", t0 + 1000, { requests: 1, ok: false });
    expect(s.nextReadAt("a")?.at).toBe(t0 + 1000);
    s.polled("a", t0 + 2000, { requests: 1 });
    expect(s.nextReadAt("a")).toEqual({ at: t0 + 2000 + minute, reason: "base" });
    s.finalReadDone("a", ["sub1"]);
    expect(s.finalRead("a", "sub1", t0 + 3000, 3)).toBe(false);
    expect(s.finalRead("a", "sub2", t0 + 3000, 3)).toBe(true);
    // A session that keeps failing (deleted?) gets no final read: its follower may switch.
    for (let i = 0; i < 3; i++) s.failed("b", t0 + 3000);
    expect(s.finalRead("b", "sub1", t0 + 3000, 3)).toBe(false);
    expect(s.nextReadAt("b")?.reason).toBe("backoff");
  });

  it("a session seen ending gets one read now, then hourly; its state is checked hourly", () => {
    const s = schedule();
    expect(s.stateCheckDue("a", t0)).toBe(true);
    s.checked("a", t0 + 1000, { ended: false, gamesChanges: false });
    expect(s.stateCheckDue("a", t0 + 1000 + hour - 1)).toBe(false);
    expect(s.gamesChangesOf("a", "active:u")).toBe(false);
    expect(s.endedWaits("a", t0 + 2000)).toBe(false);
    s.checked("a", t0 + 2000, { ended: true, gamesChanges: false });
    expect(s.nextReadAt("a")).toEqual({ at: t0 + 2000, reason: "finalRead" });
    expect(s.endedWaits("a", t0 + 2000)).toBe(false);
    s.polled("a", t0 + 2000, { requests: 1 });
    expect(s.nextReadAt("a")).toEqual({ at: t0 + 2000 + hour, reason: "ended" });
    expect(s.endedWaits("a", t0 + 3000)).toBe(true);
    // Seen ended again: no second final read.
    s.checked("a", t0 + 3000, { ended: true, gamesChanges: false });
    expect(s.endedWaits("a", t0 + 3000)).toBe(true);
    expect(s.endedWaits("a", t0 + 2000 + hour)).toBe(false);
  });

  it("the loop wakes at the earliest nextReadAt, a backoff included", () => {
    const s = schedule();
    s.census(["a"], t0, t0);
    const info = s.failed("a", t0, 5 * minute);
    expect(info.retryAt).toBeGreaterThan(t0 + minute);
    expect(s.nextReadAt("a")).toEqual({ at: info.retryAt, reason: "backoff" });
    expect(admitted(s).nextAt()).toBe(info.retryAt);
  });

  it("keeps a member's last lookup, and has_games_changes from it until the session's own check", () => {
    const s = createSchedule({ intervalMs: minute, endedIntervalMs: hour, budgetPerMinute: 100 });
    s.census(["active:u"], t0, t0);
    expect(s.runningOf("active:u")).toBeUndefined();
    const first = s.lookedUp("active:u", { running: [7], games: new Map([["u:7", false]]) });
    expect(first).toBeUndefined();
    expect(s.runningOf("active:u")).toEqual([7]);
    expect(s.gamesChangesOf("u:7", "active:u")).toBe(false);
    s.census(["active:u", "u:7"], t0, t0);
    s.checked("u:7", t0, { ended: false, gamesChanges: true });
    expect(s.gamesChangesOf("u:7", "active:u")).toBe(true);
    const second = s.lookedUp("active:u", { running: [8, 7], games: new Map([["u:7", false]]) });
    expect(second?.running).toEqual([7]);
    expect(s.gamesChangesOf("u:7", "active:u")).toBe(false);
  });
});
