/**
 * The one source of time for the scheduler, the request budget and the poll
 * loop: tests and the benchmark pass a fake or a sped-up clock, so nothing
 * of the scheduling reads Date.now() or setTimeout behind their back.
 * Two readings, never mixed: `now()` is monotonic (a wall-clock step must not
 * move a due time), `wall()` is the date.
 */
export interface Clock {
  /**
   * Monotonic milliseconds (performance.now() on the system clock): for durations, timers,
   * deadlines and due times. Its zero is arbitrary: never turn it into a date.
   */
  now(): number;
  /** Wall-clock milliseconds since the epoch: only for dates shown, stored or sent. It may step. */
  wall(): number;
  /** Calls `fn` after `ms` of this clock's time; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wall: () => Date.now(),
  setTimer(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    // A pending poll or budget slot must never keep the process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** The system's monotonic time and timers, with `wall` for the dates (a test's fixed date). */
export function clockWithWall(wall: () => Date): Clock {
  return { now: systemClock.now, wall: () => wall().getTime(), setTimer: systemClock.setTimer };
}

/**
 * Both readings from `wall`, with the system's timers: for tests that drive time by hand
 * through a date function (it never steps unless they mean it to).
 */
export function clockFollowing(wall: () => Date): Clock {
  const read = () => wall().getTime();
  return { now: read, wall: read, setTimer: systemClock.setTimer };
}
