/** Time axes: a linear map from epoch ms to pixels, and "nice" UTC tick steps. */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const steps = [
  minute,
  5 * minute,
  15 * minute,
  30 * minute,
  hour,
  3 * hour,
  6 * hour,
  12 * hour,
  day,
  2 * day,
  7 * day,
  14 * day,
  30 * day,
  91 * day,
  182 * day,
  365 * day,
];

export interface TimeScale {
  start: number;
  end: number;
  /** Pixel of a time. */
  at(ms: number): number;
  ticks: number[];
  step: number;
}

export function timeScale(
  start: number,
  end: number,
  pixelFrom: number,
  pixelTo: number,
  maxTicks: number,
): TimeScale {
  const span = Math.max(end - start, 1);
  const step = steps.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / day) * day;
  const ticks: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) ticks.push(t);
  const ratio = (pixelTo - pixelFrom) / span;
  return { start, end, at: (ms) => pixelFrom + (ms - start) * ratio, ticks, step };
}

/** The luxon format of a tick label for this step and span. */
export function tickFormat(step: number, span: number): string {
  if (step >= 365 * day) return "yyyy";
  if (step >= day) return span > 300 * day ? "LLL yyyy" : "d LLL";
  return span > day ? "d LLL HH:mm" : "HH:mm";
}

/** A range around the values with a margin; a single value gets an hour either side. */
export function paddedRange(values: readonly number[], ratio: number): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return [0, hour];
  if (max - min < minute) return [min - hour, max + hour];
  const pad = (max - min) * ratio;
  return [min - pad, max + pad];
}

export const durations = { minute, hour, day };
