/**
 * Start-up steps bounded in time: a step that hangs (a database on a dead
 * mount, a gateway that never says READY) ends the start with a message naming
 * what it waited for, instead of a silent process.
 */
import { StartupError } from "./discord.js";

/** Generous limits: a slow disk or a busy Discord still fits, a hang does not. */
export const startupLimitsMs = {
  store: 60_000,
  discord: 60_000,
  commands: 30_000,
  health: 10_000,
} as const;

export async function within<T>(what: string, limitMs: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new StartupError(`gave up after ${Math.round(limitMs / 1000)} s waiting for ${what}`),
        ),
      limitMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
