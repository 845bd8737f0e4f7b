/** Reading rendered PNGs in tests. */
import { PNG } from "pngjs";

export interface Decoded {
  width: number;
  height: number;
  rgba(x: number, y: number): [number, number, number, number];
  /** Pixels in the box whose colour matches `test`. */
  count(
    box: { x0: number; y0: number; x1: number; y1: number },
    test: (rgba: number[]) => boolean,
  ): number;
}

export function decodePng(buffer: Buffer): Decoded {
  const png = PNG.sync.read(buffer);
  const rgba = (x: number, y: number): [number, number, number, number] => {
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
  };
  return {
    width: png.width,
    height: png.height,
    rgba,
    count(box, test) {
      let n = 0;
      for (let y = box.y0; y < box.y1; y++)
        for (let x = box.x0; x < box.x1; x++) if (test(rgba(x, y))) n++;
      return n;
    },
  };
}

export function hex(color: string): [number, number, number] {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Same colour within a small tolerance (anti-aliasing and colour rounding). */
export function near(actual: readonly number[], color: string, tolerance = 6): boolean {
  const want = hex(color);
  return want.every((v, i) => Math.abs(v - (actual[i] ?? -999)) <= tolerance);
}

export const luminance = (c: readonly number[]) => 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
