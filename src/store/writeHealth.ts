/**
 * The one owner of "can the store write?". Every store write reports here;
 * a lasting failure is logged once when it starts (with what it means for the
 * admin), then at most once a minute with a count, and once when it ends, so
 * a full disk is a handful of lines, not one per item and per poll.
 */
import { performance } from "node:perf_hooks";
import type { Logger } from "../log.js";
import { faultKindOf, faultMeaning, type StoreFaultKind, StoreWriteError } from "./writeErrors.js";

export interface StoreFault {
  kind: StoreFaultKind;
  /** What it means for the admin (also the /healthz reason). */
  meaning: string;
  /** Monotonic ms when it started. */
  since: number;
}

export interface StoreWriteHealth {
  /** A write failed: logs as the rules above say, returns the typed error to throw. */
  failed(err: unknown): StoreWriteError;
  succeeded(): void;
  /** The fault in force, undefined while writes work. */
  fault(): StoreFault | undefined;
  /** Failed writes since the process started (the /metrics counter). */
  writeErrors(): number;
}

export interface StoreWriteHealthOptions {
  logger: Logger;
  /** Names the data in log lines: the SQLite file's path, or "redis database". */
  database: string;
  /** Least time between two "still failing" lines. Default 60 s. */
  repeatMs?: number;
  now?: () => number;
}

interface Outage extends StoreFault {
  failures: number;
  lastLogAt: number;
  sinceLog: number;
}

export function createStoreWriteHealth(options: StoreWriteHealthOptions): StoreWriteHealth {
  const { logger, database } = options;
  const repeatMs = options.repeatMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  let outage: Outage | undefined;
  let total = 0;

  const start = (kind: StoreFaultKind, err: unknown, at: number): void => {
    const meaning = faultMeaning(kind, database);
    outage = { kind, meaning, since: at, failures: 1, lastLogAt: at, sinceLog: 0 };
    logger.error({ fault: kind, database, err: summary(err) }, `store cannot write: ${meaning}`);
  };

  return {
    failed(err) {
      total++;
      const kind = faultKindOf(err);
      const at = now();
      if (outage === undefined || outage.kind !== kind) start(kind, err, at);
      else {
        outage.failures++;
        outage.sinceLog++;
        if (at - outage.lastLogAt >= repeatMs) {
          logger.error(
            {
              fault: kind,
              database,
              failedWrites: outage.sinceLog,
              failingForSeconds: Math.round((at - outage.since) / 1000),
            },
            `store still cannot write: ${outage.meaning}`,
          );
          outage.lastLogAt = at;
          outage.sinceLog = 0;
        }
      }
      if (err instanceof StoreWriteError) return err;
      return new StoreWriteError(kind, outage?.meaning ?? kind, { cause: err });
    },
    succeeded() {
      if (outage === undefined) return;
      const ended = outage;
      outage = undefined;
      logger.info(
        {
          fault: ended.kind,
          database,
          failedWrites: ended.failures,
          failedForSeconds: Math.round((now() - ended.since) / 1000),
        },
        "store can write again: held posts go out now",
      );
    },
    fault: () => (outage === undefined ? undefined : { ...outage }),
    writeErrors: () => total,
  };
}

/** The driver's code and message only: a stack per outage start is noise. */
function summary(err: unknown): { code?: string; message: string } {
  const code =
    typeof err === "object" && err !== null && "code" in err ? String(err.code) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  return code === undefined ? { message } : { code, message };
}
