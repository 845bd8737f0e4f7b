/** Bounded concurrency without a dependency: a few lines beat another package. */

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

/** A semaphore shared across cycles: at most `limit` tasks run at once, the rest queue in order. */
export function createLimiter(limit: number): Limiter {
  let running = 0;
  const queue: Array<() => void> = [];
  // A finishing task hands its slot straight to the next waiter, so a task
  // arriving in between can never squeeze past the limit.
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return async (task) => {
    if (running >= Math.max(1, limit)) await new Promise<void>((resolve) => queue.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
