/**
 * The simulated sessions: a seeded mix of change rates with bursts, and every change's date.
 * Rates per class (issue 17's bench): 2 % change every few minutes, 20 % a few times a day,
 * the rest weekly or less; every change starts a burst of 1-5 more within a minute with
 * probability 0.3 (votes and dice come in clusters).
 */

export type SessionClass = "busy" | "daily" | "quiet";

export interface SimSession {
  key: string;
  kind: SessionClass;
  /** Mean changes per millisecond, bursts included (what the offline optimum is told). */
  trueRate: number;
  /** Every change's date (ms, simulated epoch), oldest first. */
  changes: number[];
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/** Mulberry32: a small seeded generator, so every policy sees the same world. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const burstChance = 0.3;
const meanBurstExtra = 3;

function changesOf(random: () => number, meanGapMs: number, from: number, to: number): number[] {
  const out: number[] = [];
  // Bursts add changes: the burst starts are spaced so the total keeps the class's rate.
  const startGap = meanGapMs * (1 + burstChance * meanBurstExtra);
  for (let at = from - Math.log(1 - random()) * startGap; at < to; ) {
    out.push(at);
    if (random() < burstChance) {
      const extra = 1 + Math.floor(random() * 5);
      for (let i = 0; i < extra; i++) out.push(at + random() * minute);
    }
    at += -Math.log(1 - random()) * startGap;
  }
  return out.filter((t) => t < to).sort((a, b) => a - b);
}

/** `count` sessions with changes from a week before 0 to `untilMs`. */
export function createWorld(count: number, untilMs: number, seed = 17): SimSession[] {
  const random = seeded(seed);
  // Classes in a random order of the sessions, so no schedule gains from reading in key order.
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const sessions: SimSession[] = [];
  for (let i = 0; i < count; i++) {
    const share = (order[i] as number) / count;
    const kind: SessionClass = share < 0.02 ? "busy" : share < 0.22 ? "daily" : "quiet";
    const meanGapMs =
      kind === "busy"
        ? (2 + random() * 6) * minute
        : kind === "daily"
          ? day / (2 + random() * 4)
          : 7 * day * (1 + random() * 3);
    sessions.push({
      key: `u${i}:${i}`,
      kind,
      trueRate: 1 / meanGapMs,
      changes: changesOf(random, meanGapMs, -7 * day, untilMs),
    });
  }
  return sessions;
}
