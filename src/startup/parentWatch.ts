/**
 * Ends the bot when the process that started it goes away. `npm start` under a
 * supervisor that signals only its child: npm exits at once and the bot, re-parented,
 * would keep running unseen. The parent's pid changes on re-parenting, so a
 * periodic look at process.ppid tells.
 */
export interface ParentWatchOptions {
  intervalMs?: number;
  /** Tests pass their own; the default reads the live value. */
  ppid?: () => number;
}

/**
 * Watches only when started under an ordinary parent (npm, a shell). Parent pid 1 (systemd,
 * tini in Docker) or 0 (the bot is PID 1 itself): the supervisor owns the bot's life.
 */
export function watchParent(
  onGone: (info: { from: number; to: number }) => void,
  options: ParentWatchOptions = {},
): () => void {
  const ppid = options.ppid ?? (() => process.ppid);
  const first = ppid();
  if (first <= 1) return () => {};
  const timer = setInterval(() => {
    const now = ppid();
    if (now === first) return;
    clearInterval(timer);
    onGone({ from: first, to: now });
  }, options.intervalMs ?? 1000);
  // Never the reason the process stays alive.
  timer.unref();
  return () => clearInterval(timer);
}
