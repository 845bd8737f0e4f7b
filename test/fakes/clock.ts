/**
 * A hand-driven Clock: time moves only in advance()/runUntil(), timers fire
 * in time order as it passes them, and the promises they resolve get to run
 * between two timers (so a chain of sleeps behaves as it would for real).
 */
import type { Clock } from "../../src/util/clock.js";

export interface FakeClock extends Clock {
  /** Moves time forward by `ms`, firing every timer due on the way. */
  advance(ms: number): Promise<void>;
  /** Steps the wall clock alone by `ms` (either way), as an NTP correction would. */
  stepWall(ms: number): void;
  pending(): number;
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

export function createFakeClock(start = Date.parse("2026-02-10T12:00:00.000Z")): FakeClock {
  let now = start;
  let wallOffset = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const earliest = () => {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of timers) {
      if (!best || entry[1].at < best[1].at || (entry[1].at === best[1].at && entry[0] < best[0]))
        best = entry;
    }
    return best;
  };
  return {
    now: () => now,
    wall: () => now + wallOffset,
    stepWall(ms) {
      wallOffset += ms;
    },
    setTimer(ms, fn) {
      const id = ++seq;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
    async advance(ms) {
      const end = now + ms;
      await flush();
      for (;;) {
        const next = earliest();
        if (!next || next[1].at > end) break;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].fn();
        await flush();
      }
      now = end;
      await flush();
    },
    pending: () => timers.size,
  };
}

/**
 * Real time, sped up `factor` times: a minute of the scheduler passes in
 * 60/factor real seconds, timers included. For end-to-end tests and the
 * benchmark, where real sockets make a hand-driven clock impractical.
 */
export function createScaledClock(
  factor: number,
  start = Date.parse("2026-02-10T12:00:00.000Z"),
): Clock {
  const realStart = performance.now();
  const now = () => Math.round(start + (performance.now() - realStart) * factor);
  return {
    now,
    // Sped-up dates: the fake tracker stamps its items with them.
    wall: now,
    setTimer(ms, fn) {
      const timer = setTimeout(fn, Math.max(0, ms) / factor);
      timer.unref();
      return () => clearTimeout(timer);
    },
  };
}

/**
 * Steps the process's wall clock (the global Date, which discord.js and the bot's `wall()`
 * read) while timers and performance.now() stay real. Unlike vitest's fake Date with
 * `shouldAdvanceTime`, which moves 20 ms per real timer tick and so falls behind on a busy
 * machine (a drift the bot would rightly see), this Date is real time plus the steps, always.
 */
export function stepSystemWallClock(): { step(ms: number): void; restore(): void } {
  const RealDate = globalThis.Date;
  let offset = 0;
  class SteppedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string | number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
    // Dates made before the step (or by another realm's Date) are Dates all the same.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof RealDate;
    }
  }
  globalThis.Date = SteppedDate as DateConstructor;
  return {
    step(ms) {
      offset += ms;
    },
    restore() {
      globalThis.Date = RealDate;
    },
  };
}
