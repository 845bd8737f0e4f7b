/** Watermarks: the `happened` (ISO 8601) of the newest item a feed has handled. */

export function secondOf(ms: number): number {
  return Math.floor(ms / 1000);
}

/** Milliseconds of a watermark; undefined for none or an unreadable one (both mean "from the start"). */
export function watermarkMs(watermark: string | null): number | undefined {
  if (watermark === null) return undefined;
  const ms = Date.parse(watermark);
  return Number.isFinite(ms) ? ms : undefined;
}
