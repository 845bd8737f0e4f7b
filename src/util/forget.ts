/**
 * For maps that remember a moment per key (a throttle, a warning, a cache entry's expiry): drops
 * the entries that no longer change anything, so a map keyed by channels, panels or members
 * that come and go does not keep every key it ever saw. Sweeps at most once per `everyMs`.
 */
export function createForgetter<K, V>(
  map: Map<K, V>,
  /** True when the entry is as good as absent at `nowMs`. */
  stale: (value: V, nowMs: number) => boolean,
  everyMs: number,
): (nowMs: number) => void {
  let sweptAt = Number.NEGATIVE_INFINITY;
  return (nowMs) => {
    if (nowMs - sweptAt < everyMs) return;
    sweptAt = nowMs;
    for (const [key, value] of map) if (stale(value, nowMs)) map.delete(key);
  };
}
