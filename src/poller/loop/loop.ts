/**
 * The poller's timer: one tick at a time, then a sleep until `nextWakeAt()`
 * (on the injected clock), at least `minGapMs` between two tick starts so a
 * source that stays due (its channel busy) cannot spin the loop. wake()
 * brings the next tick forward to that earliest moment.
 */
import type { Logger } from "pino";
import type { Clock } from "../../util/clock.js";
import { errorSummary } from "../../util/errorSummary.js";

export interface LoopDeps {
  clock: Clock;
  logger: Logger;
  tick: () => Promise<void>;
  nextWakeAt: () => number;
  minGapMs?: number;
}

export function createLoop(deps: LoopDeps) {
  const { clock } = deps;
  const minGapMs = deps.minGapMs ?? 1000;
  let active = false;
  let ticking = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let cancel: (() => void) | undefined;
  let timerAt = Number.POSITIVE_INFINITY;

  function arm(at: number): void {
    if (!active || ticking) return;
    const when = Math.max(at, lastStart + minGapMs);
    if (cancel !== undefined && when >= timerAt) return;
    cancel?.();
    timerAt = when;
    cancel = clock.setTimer(when - clock.now(), () => {
      cancel = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      void run();
    });
  }

  async function run(): Promise<void> {
    if (!active || ticking) return;
    ticking = true;
    lastStart = clock.now();
    try {
      await deps.tick();
    } catch (err) {
      deps.logger.error({ err: errorSummary(err) }, "poll tick crashed");
    }
    ticking = false;
    arm(deps.nextWakeAt());
  }

  return {
    running: () => active,
    start(before: () => Promise<unknown>) {
      active = true;
      void before().then(() => run());
    },
    stop() {
      active = false;
      cancel?.();
      cancel = undefined;
      timerAt = Number.POSITIVE_INFINITY;
    },
    wake() {
      arm(clock.now());
    },
  };
}
