/**
 * The tracker is one site: when it fails for site-wide reasons (5xx, timeouts, connection
 * errors, bodies that are not what the API promises) on several sources, that is one outage
 * with one backoff, not one per source. A circuit breaker:
 * - closed: reads go as usual; site-wide failures on `threshold` different sources with no
 *   success in between open it, or on every source there is when there are fewer (a bot
 *   following one or two sessions has one or two sources: all of them failing is the same
 *   evidence, and without the breaker their own backoffs, doubling towards 15 minutes, would
 *   notice the tracker's return minutes late);
 * - open: no reads; at `probeAt` one caller is let through as the probe (half-open), the
 *   delay between probes doubling from `firstProbeMs` up to `maxProbeMs` (the poll interval,
 *   so the return is noticed within one interval whatever the outage's length);
 * - half-open: a success closes it (every source is due again at once, the request budget
 *   paces them); a failure opens it again with the next delay.
 * Failures that belong to one source (a 400 for one session, a 401 for one token, a 429 the
 * budget handles) are not site-wide and never reach it.
 */
import { backoffDelay } from "../util/backoff.js";
import {
  TrackerServerError,
  TrackerNetworkError,
  TrackerTimeoutError,
  TrackerUnexpectedResponseError,
} from "./errors.js";

export type BreakerState = "closed" | "open" | "half-open";

export interface BreakerOptions {
  /** Sources failing site-wide (no success in between) that open it. Default 3. */
  threshold?: number;
  /**
   * How many sources there are now (the poller's running sources); the threshold never asks
   * for more than that. Failures from outside them (a member's read) count as one more source.
   */
  population?: () => number;
  firstProbeMs: number;
  maxProbeMs: number;
}

export interface BreakerSnapshot {
  state: BreakerState;
  /** Times it opened since the start. */
  opens: number;
  /** Monotonic ms since when it is open (undefined while closed). */
  openSince: number | undefined;
  /** When the next probe may go (undefined while closed). */
  probeAt: number | undefined;
}

export interface Breaker {
  /** Whether reads are held now (open, no probe due). */
  holds(nowMs: number): boolean;
  /**
   * For the poll loop, once a tick: "go" (closed), "probe" (this tick sends the one probe:
   * half-open until it answers) or "wait" (open).
   */
  admit(nowMs: number): "go" | "probe" | "wait";
  /** A site-wide failure of `source`; says whether it opened the breaker now. */
  failed(source: string, nowMs: number): { opened: boolean };
  /** A success; says whether it closed the breaker, and after how long. */
  succeeded(nowMs: number): { closed: boolean; downMs: number };
  snapshot(): BreakerSnapshot;
}

/** Failures that say the tracker as a whole is unwell, not one request or one session. */
export function isSiteWide(err: unknown): boolean {
  return (
    err instanceof TrackerServerError ||
    err instanceof TrackerTimeoutError ||
    err instanceof TrackerNetworkError ||
    err instanceof TrackerUnexpectedResponseError
  );
}

export function createBreaker(options: BreakerOptions): Breaker {
  const threshold = Math.max(1, options.threshold ?? 3);
  const needed = () => Math.max(1, Math.min(threshold, options.population?.() ?? threshold));
  let state: BreakerState = "closed";
  const failing = new Set<string>();
  /** Probes of this outage so far: the delay before the next doubles with each. */
  let probes = 0;
  const probeDelay = (n: number) =>
    backoffDelay(n, { baseMs: options.firstProbeMs, maxMs: options.maxProbeMs });
  let probeAt = 0;
  let openSince: number | undefined;
  let opens = 0;

  function open(nowMs: number): void {
    state = "open";
    probes++;
    probeAt = nowMs + probeDelay(probes);
  }

  return {
    holds: (nowMs) => state === "open" && nowMs < probeAt,
    admit(nowMs) {
      if (state === "closed") return "go";
      if (nowMs < probeAt) return "wait";
      // A probe that never answered (nothing was due, or it was skipped) must not hold the
      // breaker half-open for ever: the next one goes after the same delay.
      state = "half-open";
      probeAt = nowMs + probeDelay(probes + 1);
      return "probe";
    },
    failed(source, nowMs) {
      if (state === "half-open") {
        open(nowMs);
        return { opened: false };
      }
      if (state === "open") return { opened: false };
      failing.add(source);
      if (failing.size < needed()) return { opened: false };
      failing.clear();
      probes = 0;
      openSince = nowMs;
      opens++;
      open(nowMs);
      return { opened: true };
    },
    succeeded(nowMs) {
      failing.clear();
      if (state === "closed") return { closed: false, downMs: 0 };
      const downMs = nowMs - (openSince ?? nowMs);
      state = "closed";
      openSince = undefined;
      probes = 0;
      return { closed: true, downMs };
    },
    snapshot: () => ({
      state,
      opens,
      openSince,
      probeAt: state === "closed" ? undefined : probeAt,
    }),
  };
}
