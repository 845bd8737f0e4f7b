/** Deterministic sample sessions for picture tests, the bench and `npm run chart:example`. */
import { sourceKeys } from "../../src/pictures/chartData.js";
import type { HistoryItem, TrackerStats } from "../../src/tracker/types.js";

// The chart's sources, with "no source" where the chart says OTHER.
const sources = sourceKeys.map((key) => (key === "OTHER" ? null : key));

/** A UTC date from an ISO date-time without a zone. */
export const at = (iso: string) => new Date(`${iso}Z`);

/** One history item of session 7: +1 h by dice at 10:00 unless `over` says otherwise. */
export const historyItem = (over: Partial<HistoryItem>): HistoryItem => ({
  session: 7,
  type: "ADD",
  unit: 3600,
  source: "DICE",
  dom: false,
  schedule: null,
  happened: at("2026-02-03T10:00:00"),
  ...over,
});

/** `count` items over `days` days, newest first like the tracker: a START, then ADDs, SUBs, dom actions, odd rows. */
export function busySession(
  count: number,
  days = 40,
  session = 77,
): { items: HistoryItem[]; start: number; end: number } {
  let seed = 12_345;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const start = Date.UTC(2026, 0, 5, 9, 0, 0);
  let release = start + 7 * 86_400_000;
  const items: HistoryItem[] = [
    {
      session,
      type: "START",
      unit: null,
      source: null,
      dom: false,
      schedule: new Date(release),
      happened: new Date(start),
    },
  ];
  const spacing = (days * 86_400_000) / Math.max(1, count);
  for (let i = 1; i < count; i++) {
    const add = random() < 0.72;
    const unit = 300 + Math.round(random() * 5 * 3_600);
    release += (add ? 1 : -1) * unit * 1000;
    items.push({
      session,
      type: add ? "ADD" : "SUB",
      unit: i % 97 === 0 ? null : unit,
      source: sources[Math.floor(random() * sources.length)] ?? null,
      dom: random() < 0.1,
      schedule: new Date(release),
      happened: new Date(start + Math.round(i * spacing)),
    });
  }
  return { items: items.reverse(), start, end: start + days * 86_400_000 };
}

export function sampleStats(overrides: Partial<TrackerStats> = {}): TrackerStats {
  return {
    nick: "lucy",
    profileUrl: null,
    locked: true,
    currentLockStart: new Date("2026-01-15T09:00:00Z"),
    scheduledEnd: new Date("2026-02-20T18:00:00Z"),
    currentLockTime: "17 days 3 hours 12 minutes",
    totalLockedSince: "1 months 2 days 4 hours",
    sinceDate: new Date("2026-01-01T00:00:00Z"),
    linkGame: null,
    lastFull: new Date("2026-01-10T00:00:00Z"),
    lastRuined: null,
    lastTed: null,
    lastMilking: null,
    ...overrides,
  };
}
