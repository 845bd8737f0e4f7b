/**
 * At most one run per key every `everyMs` (monotonic clock), coalescing the requests made in
 * between into one run at the end of the window. The run reads the latest state itself, so what
 * it shows is always the last one asked for.
 */
import type { Clock } from "./clock.js";

export interface Coalescer {
  /** Runs now when the key's window allows, else once when it ends (however often asked). */
  request(key: string): void;
  /** Drops a waiting run and the key's window. */
  cancel(key: string): void;
  /** Cancels every waiting run. */
  stop(): void;
}

export function createCoalescer(options: {
  clock: Clock;
  everyMs: number;
  run: (key: string) => Promise<void>;
}): Coalescer {
  const { clock, everyMs } = options;
  const lastRun = new Map<string, number>();
  const waiting = new Map<string, () => void>();

  function fire(key: string): void {
    waiting.delete(key);
    lastRun.set(key, clock.now());
    void options.run(key);
  }

  return {
    request(key) {
      if (waiting.has(key)) return;
      const wait = (lastRun.get(key) ?? Number.NEGATIVE_INFINITY) + everyMs - clock.now();
      if (wait <= 0) return fire(key);
      waiting.set(
        key,
        clock.setTimer(wait, () => fire(key)),
      );
    },
    cancel(key) {
      waiting.get(key)?.();
      waiting.delete(key);
      lastRun.delete(key);
    },
    stop() {
      for (const cancel of waiting.values()) cancel();
      waiting.clear();
    },
  };
}
