/**
 * The one source of time for the scheduler, the request budget and the poll
 * loop: tests and the benchmark pass a fake or a sped-up clock, so nothing
 * of the scheduling reads Date.now() or setTimeout behind their back.
 */
export interface Clock {
  now(): number;
  /** Calls `fn` after `ms` of this clock's time; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, fn) {
    const timer = setTimeout(fn, Math.max(0, ms));
    // A pending poll or budget slot must never keep the process alive on its own.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/** A clock reading `now` for the time and the system's timers (what `now`-only callers had). */
export function clockFromNow(now: () => Date): Clock {
  return { now: () => now().getTime(), setTimer: systemClock.setTimer };
}
