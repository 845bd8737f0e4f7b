/**
 * The store part of /healthz: an answer within `timeoutMs`, always.
 *
 * One ping at a time (a HEALTHCHECK and a scraper asking together share it).
 * A ping that is merely slow (a loaded machine, a slow disk) while the last
 * one succeeded recently is not a reason for 503: the answer stays "ok" until
 * the ping has been pending for `staleMs`. "busy" (another program holds the
 * lock) comes from the probe itself, at once, and is never smoothed over.
 */
import { performance } from "node:perf_hooks";
import type { Logger } from "../log.js";

export type StoreState = "ok" | "busy" | "timeout" | "error";

export interface StoreCheckOptions {
  ping: () => Promise<"ok" | "busy">;
  /** The longest a /healthz request waits for the ping. */
  timeoutMs: number;
  /** How long a pending ping still counts as "ok" after a success. Default 5 s. */
  staleMs?: number;
  logger: Logger;
  now?: () => number;
}

export function createStoreCheck(options: StoreCheckOptions): () => Promise<StoreState> {
  const { timeoutMs, logger } = options;
  const staleMs = options.staleMs ?? 5_000;
  const now = options.now ?? (() => performance.now());
  let pending: { since: number; answer: Promise<StoreState> } | undefined;
  let lastOkAt = Number.NEGATIVE_INFINITY;

  const ping = async (): Promise<StoreState> => {
    try {
      const answer = await options.ping();
      if (answer === "ok") lastOkAt = now();
      return answer;
    } catch (error) {
      // The message stays in the (redacting) log: driver errors can quote a connection string.
      logger.warn({ err: error }, "health: store ping failed");
      return "error";
    }
  };

  return async () => {
    if (pending === undefined) {
      const started = { since: now(), answer: ping() };
      pending = started;
      void started.answer.finally(() => {
        if (pending === started) pending = undefined;
      });
    }
    const { since, answer } = pending;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    try {
      const result = await Promise.race([answer, timedOut]);
      if (result !== "timeout") return result;
      // Slow, not stuck: the store answered a moment before this ping began.
      return since - lastOkAt < staleMs && now() - since < staleMs ? "ok" : "timeout";
    } finally {
      clearTimeout(timer);
    }
  };
}
