/**
 * The global request budget: every request to the tracker (every attempt,
 * retries included) waits here for a start slot. Each start takes the next
 * even-spaced slot (60 s / budget apart); a start whose slot is less than
 * `batchMs` away goes at once, so the requests of a busy stretch go out in
 * small batches: one timer, one wake-up and one run of socket writes for
 * several requests instead of one each (at 6,000 a minute, ten every 100 ms
 * instead of one every 10 ms). A log of the last second keeps any 1 s window
 * at ceil(budget / 60) + 1 starts, whatever the batches; a log of the last
 * minute keeps any 60 s window at the budget. A request sent through `send` stays in that log from
 * its start until 60 s after its answer: the tracker counts it when it
 * arrives, somewhere between the two, so a request delayed on its way (a busy
 * event loop, a slow network) cannot land in the same tracker minute as the
 * request that starts 60 s after it. Interactive requests take the next free slot
 * before background ones. A 429 pauses every start until its Retry-After
 * (or a doubling backoff), then the rate climbs back in steps.
 */
import type { Logger } from "pino";
import type { Clock } from "../util/clock.js";
import { backoffDelay } from "../util/backoff.js";
import type { TrackerPriority } from "./priority.js";

export interface RequestBudgetOptions {
  perMinute: number;
  clock: Clock;
  logger?: Logger | undefined;
  /** Rate right after a 429 pause, as a share of the budget. Default 0.25. */
  recoveryStart?: number;
  /** The rate climbs by `recoveryStart` every this long without a 429. Default 30 s. */
  recoveryStepMs?: number;
  /** Pause after a 429 without Retry-After; doubles within an episode. Default 30 s. */
  pauseMs?: number;
  /** Longest pause whatever the tracker says. Default 15 min. */
  maxPauseMs?: number;
  /** A start whose even-spaced slot is less than this far ahead goes at once. Default 100 ms. */
  batchMs?: number;
}

export interface BudgetSnapshot {
  perMinute: number;
  /** What the budget allows right now (reduced while recovering from a 429). */
  effectivePerMinute: number;
  started: number;
  rateLimited: number;
  pausedUntil: number | undefined;
  queued: { interactive: number; background: number };
}

export interface RequestBudget {
  /** Resolves when a request of `priority` may start (its start is counted then). */
  acquire(priority: TrackerPriority): Promise<void>;
  /**
   * Waits for a start slot, runs `request`, and counts it in the minute until its answer
   * (or failure) is in. Optional so that a wrapper offering only `acquire` still fits.
   */
  send?<T>(priority: TrackerPriority, request: () => Promise<T>): Promise<T>;
  /** The tracker answered 429: pause everything. */
  rateLimited(retryAfterMs?: number): void;
  snapshot(): BudgetSnapshot;
}

export function createRequestBudget(options: RequestBudgetOptions): RequestBudget {
  const { clock, logger } = options;
  const perMinute = Math.max(1, options.perMinute);
  const recoveryStart = options.recoveryStart ?? 0.25;
  const recoveryStepMs = options.recoveryStepMs ?? 30_000;
  const basePauseMs = options.pauseMs ?? 30_000;
  const maxPauseMs = options.maxPauseMs ?? 15 * 60_000;
  const batchMs = Math.max(0, options.batchMs ?? 100);
  const secondCap = perSecondCap(perMinute);
  const queues: Record<TrackerPriority, Array<() => void>> = { interactive: [], background: [] };
  /** When each request of the last minute started, or was answered (`send`); ascending. */
  const log: number[] = [];
  /** When each start of the last second happened; ascending. */
  const second: number[] = [];
  /** Requests sent through `send` and not answered yet: in the window whatever the time. */
  let inFlight = 0;
  let started = 0;
  let limited = 0;
  /** The even-spaced slot the last start took (its start time, or earlier in a batch). */
  let lastSlot = Number.NEGATIVE_INFINITY;
  let episode: { pauses: number; pausedUntil: number } | undefined;
  let cancelTimer: (() => void) | undefined;
  let timerAt = Number.POSITIVE_INFINITY;

  /** Share of the budget allowed now: 1 outside a 429 episode. */
  function share(now: number): number {
    if (episode === undefined) return 1;
    if (now < episode.pausedUntil) return 0;
    const steps = Math.floor((now - episode.pausedUntil) / recoveryStepMs);
    return Math.min(1, recoveryStart * (1 + steps));
  }

  /** share(), ending the 429 episode once the full budget is back. */
  function factor(now: number): number {
    const allowed = share(now);
    if (episode !== undefined && allowed === 1) {
      logger?.info(
        { pauses: episode.pauses },
        "tracker rate limit over; full request budget again",
      );
      episode = undefined;
    }
    return allowed;
  }

  /** The earliest moment the next request may start; +Infinity until an answer comes in. */
  function nextStartAt(now: number): number {
    while (log.length > 0 && (log[0] as number) <= now - 60_000) log.shift();
    while (second.length > 0 && (second[0] as number) <= now - 1000) second.shift();
    const allowed = factor(now);
    if (allowed === 0) return (episode as { pausedUntil: number }).pausedUntil;
    // A slot less than a batch away is taken now; a later one is waited for, so that the
    // timer releases a whole batch when it fires.
    const slot = lastSlot + 60_000 / (perMinute * allowed);
    let at = slot < now + batchMs ? now : slot;
    if (second.length >= secondCap)
      at = Math.max(at, (second[second.length - secondCap] as number) + 1000);
    // This many entries must leave the minute before another request may start.
    const over = inFlight + log.length - perMinute + 1;
    if (over > log.length) return Number.POSITIVE_INFINITY;
    if (over > 0) at = Math.max(at, (log[over - 1] as number) + 60_000);
    return at;
  }

  /** Resolves at a start slot; `answered` says whether the answer will be reported. */
  function startSlot(priority: TrackerPriority, answered: boolean): Promise<void> {
    return new Promise<void>((resolve) => {
      queues[priority].push(() => {
        if (answered) inFlight++;
        else log.push(clock.now());
        resolve();
      });
      pump();
    });
  }

  function pump(): void {
    for (;;) {
      const waiting = queues.interactive.length > 0 ? queues.interactive : queues.background;
      if (waiting.length === 0) return;
      const now = clock.now();
      const at = nextStartAt(now);
      if (at > now) {
        // Waiting on an answer (infinite) or behind an earlier timer: whoever ends that pumps.
        if (at >= timerAt) return;
        cancelTimer?.();
        timerAt = at;
        cancelTimer = clock.setTimer(at - now, () => {
          cancelTimer = undefined;
          timerAt = Number.POSITIVE_INFINITY;
          pump();
        });
        return;
      }
      lastSlot = Math.max(now, lastSlot + 60_000 / (perMinute * factor(now)));
      second.push(now);
      started++;
      (waiting.shift() as () => void)();
    }
  }

  return {
    acquire: (priority) => startSlot(priority, false),
    async send(priority, request) {
      await startSlot(priority, true);
      try {
        return await request();
      } finally {
        inFlight--;
        log.push(clock.now());
        pump();
      }
    },
    rateLimited(retryAfterMs) {
      limited++;
      const now = clock.now();
      const inPause = episode !== undefined && now < episode.pausedUntil;
      const pauses = (episode?.pauses ?? 0) + (inPause ? 0 : 1);
      const wait = Math.min(
        maxPauseMs,
        retryAfterMs ?? backoffDelay(pauses, { baseMs: basePauseMs, maxMs: maxPauseMs }),
      );
      const pausedUntil = Math.max(episode?.pausedUntil ?? 0, now + wait);
      if (episode === undefined) {
        logger?.warn(
          { retryAfterMs, pauseMs: wait },
          "tracker rate limit (429): pausing all tracker requests",
        );
      }
      episode = { pauses, pausedUntil };
      // The pause moves the next start later: re-arm the timer.
      cancelTimer?.();
      cancelTimer = undefined;
      timerAt = Number.POSITIVE_INFINITY;
      pump();
    },
    snapshot() {
      const now = clock.now();
      return {
        perMinute,
        // share(), not factor(): a scrape must not end the episode (nor log).
        effectivePerMinute: Math.round(perMinute * share(now) * 100) / 100,
        started,
        rateLimited: limited,
        pausedUntil:
          episode !== undefined && now < episode.pausedUntil ? episode.pausedUntil : undefined,
        queued: { interactive: queues.interactive.length, background: queues.background.length },
      };
    },
  };
}

/** How many starts the budget allows in any 1 s window (the contract). */
export const perSecondCap = (perMinute: number): number => Math.ceil(perMinute / 60) + 1;
