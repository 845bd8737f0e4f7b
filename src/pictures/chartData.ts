/**
 * Pure preparation of a /chart: history items (in the tracker's newest-first
 * order) to points in time order with the release date after each change,
 * counts per source, the net time added and whether the walk was capped.
 */
import { signedSeconds } from "../format/items.js";
import type { HistoryItem, HistorySource, HistoryType } from "../tracker/types.js";

/** Items without a source are counted as "other". */
export type SourceKey = HistorySource | "OTHER";
export const sourceKeys: readonly SourceKey[] = [
  "DICE",
  "LINK",
  "LUCK",
  "MANUAL",
  "PENALTY",
  "DOM",
  "OTHER",
];

/** Distinct on the dark card and for the common colour-vision deficiencies (Okabe-Ito based). */
export const sourceColors: Record<SourceKey, string> = {
  DICE: "#56b4e9",
  LINK: "#cc79a7",
  LUCK: "#009e73",
  MANUAL: "#f0e442",
  PENALTY: "#ff5a36",
  DOM: "#e69f00",
  OTHER: "#b4b8c0",
};
export const startColor = "#ffffff";

export interface ChartPoint {
  /** Epoch ms of `happened`. */
  at: number;
  /** Epoch ms of the release after this change: its `schedule`, else the one before; null if none yet. */
  release: number | null;
  type: HistoryType;
  source: SourceKey;
  dom: boolean;
  /** Signed change in seconds; null for START or a missing unit. */
  seconds: number | null;
}

export interface ChartData {
  session: number;
  nick: string;
  /** The window asked for (null: open). */
  from: number | null;
  to: number | null;
  points: ChartPoint[];
  /** Changes (not START) per source. */
  counts: Record<SourceKey, number>;
  changes: number;
  domChanges: number;
  netSeconds: number;
  /** The session's release now (its scheduled end, else the last point's). */
  currentRelease: number | null;
  running: boolean;
  /** The walk stopped at the cap: only the newest `cap` items are drawn. */
  capped: boolean;
  cap: number;
}

export interface ChartInput {
  session: number;
  nick: string;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Newest first, as the tracker pages them. */
  items: readonly HistoryItem[];
  running: boolean;
  scheduledEnd: Date | null;
  capped: boolean;
  cap: number;
}

const validMs = (date: Date | null | undefined): number | null => {
  const ms = date?.getTime();
  return ms !== undefined && Number.isFinite(ms) ? ms : null;
};

export function prepareChart(input: ChartInput): ChartData {
  // Reverse the tracker's newest-first order, then a stable sort by time keeps its order among ties.
  const ordered = [...input.items]
    .reverse()
    .filter((i) => validMs(i.happened) !== null)
    .sort((a, b) => a.happened.getTime() - b.happened.getTime());
  const counts = Object.fromEntries(sourceKeys.map((k) => [k, 0])) as Record<SourceKey, number>;
  let release: number | null = null;
  let net = 0;
  let domChanges = 0;
  const points = ordered.map((item): ChartPoint => {
    release = validMs(item.schedule) ?? release;
    const seconds = signedSeconds(item);
    const source: SourceKey = item.source ?? "OTHER";
    if (item.type !== "START") {
      counts[source] += 1;
      if (item.dom) domChanges += 1;
      net += seconds ?? 0;
    }
    return {
      at: item.happened.getTime(),
      release,
      type: item.type,
      source,
      dom: item.dom,
      seconds,
    };
  });
  const changes = points.filter((p) => p.type !== "START").length;
  const lastRelease = points.at(-1)?.release ?? null;
  return {
    session: input.session,
    nick: input.nick,
    from: validMs(input.from),
    to: validMs(input.to),
    points,
    counts,
    changes,
    domChanges,
    netSeconds: net,
    currentRelease: validMs(input.scheduledEnd) ?? lastRelease,
    running: input.running,
    capped: input.capped,
    cap: input.cap,
  };
}
