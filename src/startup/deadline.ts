/**
 * Start-up steps bounded in time: a step that hangs (a database on a dead
 * mount, a gateway that never says READY) ends the start with a message naming
 * what it waited for, instead of a silent process.
 */
import { withTimeout } from "../store/keyvStore.js";
import { StartupError } from "./discord.js";

/** Generous limits: a slow disk or a busy Discord still fits, a hang does not. */
export const startupLimitsMs = {
  store: 60_000,
  discord: 60_000,
  commands: 30_000,
  health: 10_000,
} as const;

export function within<T>(what: string, limitMs: number, work: Promise<T>): Promise<T> {
  return withTimeout(
    work,
    limitMs,
    () => new StartupError(`gave up after ${Math.round(limitMs / 1000)} s waiting for ${what}`),
  );
}
