/**
 * Notices a wall-clock step (an NTP correction, a VM restored from a snapshot, a Raspberry Pi
 * whose clock was ahead) and repairs what the bot cannot keep off the wall clock itself:
 * discord.js's REST rate-limit state.
 *
 * The discord.js behaviour worked around (@discordjs/rest 2.x, `SequentialHandler` and `REST`):
 * a route's rate-limit reset is stored as `Date.now() + X-RateLimit-Reset-After` (the handler's
 * `reset`, read by `localLimited` and waited out by `getTimeToReset()`), and the global
 * 50-requests-per-second counter (`globalRemaining`) refills only once `Date.now()` passes
 * `REST.globalReset`. After a step back of an hour, a route that met a 429 or used up its
 * bucket waits an hour, and after about 50 requests every further post and reply is held for
 * an hour. Everything of ours runs on the monotonic clock; these timestamps cannot, so when the
 * wall clock moves against the monotonic one by more than `thresholdMs`, they are moved by the
 * same amount: every wait then lasts exactly what Discord asked for, in either direction.
 * The clocks are compared every second and on every REST response (discord.js emits `response`
 * before it reads the rate-limit headers against Date.now()), so a reset taken after the step
 * is never moved twice. A wait discord.js already sleeps on (armed after the step and before
 * the next check) cannot be shortened from outside: the frequent checks keep that window short.
 */
import { type REST, RESTEvents } from "discord.js";
import type { Clock } from "../util/clock.js";
import type { Logger } from "../log.js";

/** The REST fields a step makes wrong; the rest of the REST client does not read the date. */
export type RestClockState = Pick<REST, "handlers" | "globalReset" | "on" | "off">;

export interface WallStepGuardOptions {
  clock: Clock;
  rest: RestClockState;
  logger: Logger;
  /** Smaller moves are left alone (slewing, jitter). Default 2 s. */
  thresholdMs?: number;
  /** How often the two clocks are compared. Default 1 s. */
  intervalMs?: number;
}

export interface WallStepGuard {
  /** Compares the clocks now; returns the step (ms, + forward) when one was found. */
  check(): number | undefined;
  stop(): void;
}

export function startWallStepGuard(options: WallStepGuardOptions): WallStepGuard {
  const { clock, rest, logger } = options;
  const thresholdMs = options.thresholdMs ?? 2_000;
  const intervalMs = options.intervalMs ?? 1_000;
  // Wall minus monotonic: constant while neither steps. Re-read at every check, so a slow
  // slew never adds up to a step and a step is reported once.
  let offset = clock.wall() - clock.now();
  let cancel: (() => void) | undefined;

  function check(): number | undefined {
    const next = clock.wall() - clock.now();
    const stepMs = Math.round(next - offset);
    offset = next;
    if (Math.abs(stepMs) <= thresholdMs) return undefined;
    const shifted = shiftRestClock(rest, stepMs);
    logger.warn(
      { stepMs, direction: stepMs < 0 ? "back" : "forward", restRoutesShifted: shifted },
      "the machine's wall clock stepped; Discord rate-limit waits moved with it (nothing else reads the wall clock for a wait)",
    );
    return stepMs;
  }

  function arm(): void {
    cancel = clock.setTimer(intervalMs, () => {
      check();
      if (cancel) arm();
    });
  }
  arm();
  const onResponse = () => void check();
  rest.on(RESTEvents.Response, onResponse);

  return {
    check,
    stop() {
      cancel?.();
      cancel = undefined;
      rest.off(RESTEvents.Response, onResponse);
    },
  };
}

/** Moves every wall-clock timestamp of the REST client by `stepMs`; returns the routes moved. */
export function shiftRestClock(rest: RestClockState, stepMs: number): number {
  // -1 means "never set": it must stay in the past whatever the step.
  if (rest.globalReset > 0) rest.globalReset += stepMs;
  let shifted = 0;
  for (const handler of rest.handlers.values()) {
    // Only the SequentialHandler keeps a `reset`; the BurstHandler (interaction callbacks) sleeps
    // on Retry-After alone. `reset` is not in the IHandler type, hence the narrowing.
    const bucket = handler as unknown as { reset?: unknown };
    if (typeof bucket.reset === "number" && bucket.reset > 0) {
      bucket.reset += stepMs;
      shifted++;
    }
  }
  return shifted;
}
