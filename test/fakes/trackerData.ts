/**
 * State and query semantics of the fake tracker, kept apart from the HTTP
 * plumbing in tracker.ts. Deliberately independent of src/tracker (own date
 * formatting and parsing) so a bug in the client cannot hide in the fake.
 */
import { z } from "zod";

export const fakeTypes = ["START", "ADD", "SUB"] as const;
export const fakeSources = ["DICE", "LINK", "LUCK", "MANUAL", "PENALTY", "DOM"] as const;
export type FakeType = (typeof fakeTypes)[number];
export type FakeSource = (typeof fakeSources)[number];

/** What tests pass to addHistory; everything has a default. */
export interface FakeHistoryInput {
  type?: FakeType;
  unit?: number | null;
  source?: FakeSource | null;
  dom?: boolean | 0 | 1;
  /** Date or `YYYY-MM-DD HH:MM:SS` UTC; floored to the second like a DATETIME column. */
  schedule?: Date | string | null;
  /** Date or `YYYY-MM-DD HH:MM:SS[.mmm]` UTC. */
  happened?: Date | string;
}

export interface StoredHistory {
  /** Insertion order: the tie-breaker among items equal in the documented sort key. */
  seq: number;
  session: number;
  type: FakeType;
  unit: number | null;
  source: FakeSource | null;
  dom: boolean;
  schedule: number | null;
  happened: number;
}

export interface FakeSessionInput {
  id?: number;
  active?: boolean;
  start?: Date | string;
  end?: Date | string | null;
  scheduledEnd?: Date | string | null;
  lockedBy?: string | null;
  public?: boolean;
  notes?: string | null;
}

export interface StoredSession {
  id: number;
  owner: string;
  active: boolean;
  start: number;
  end: number | null;
  scheduledEnd: number | null;
  lockedBy: string | null;
  public: boolean;
  notes: string | null;
}

/** `YYYY-MM-DD HH:MM:SS.mmm`, the wire form of `happened`. */
export function wireMs(epoch: number): string {
  return new Date(epoch).toISOString().replace("T", " ").replace("Z", "");
}

/** `YYYY-MM-DD HH:MM:SS`, the wire form of other datetimes. */
export function wireSec(epoch: number): string {
  return wireMs(epoch).slice(0, 19);
}

const dateTimeText = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2}(\.\d{3})?)?$/;

/** Reads a UTC datetime given by a test (Date or wire-like string). */
export function toEpoch(value: Date | string): number {
  if (value instanceof Date) return value.getTime();
  if (!dateTimeText.test(value)) throw new Error(`fake tracker: bad datetime ${value}`);
  const iso = value.length === 10 ? `${value}T00:00:00Z` : `${value.replace(" ", "T")}Z`;
  return Date.parse(iso);
}

/**
 * Parses a `from`/`to` parameter: `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DD`
 * (midnight, as MySQL compares a date to a DATETIME). Milliseconds are
 * rejected on purpose: whether the tracker takes them is undocumented, and
 * a strict fake catches a client that starts sending them.
 */
export function parseBound(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(text)) return undefined;
  const epoch = toEpoch(text);
  return Number.isNaN(epoch) || wireSec(epoch).slice(0, text.length) !== text ? undefined : epoch;
}

export function makeHistory(
  session: number,
  seq: number,
  input: FakeHistoryInput,
  autoHappened: number,
): StoredHistory {
  const type = input.type ?? "ADD";
  const happened = input.happened === undefined ? autoHappened : toEpoch(input.happened);
  const schedule =
    input.schedule === undefined
      ? happened + 7 * 86_400_000
      : input.schedule === null
        ? null
        : toEpoch(input.schedule);
  return {
    seq,
    session,
    type,
    unit: input.unit !== undefined ? input.unit : type === "START" ? null : 3600,
    source: input.source !== undefined ? input.source : type === "START" ? null : "DICE",
    dom: input.dom === true || input.dom === 1,
    schedule: schedule === null ? null : Math.floor(schedule / 1000) * 1000,
    happened,
  };
}

/** The documented sort key; cursors encode exactly these three fields. */
export interface SortKey {
  happened: number;
  schedule: number | null;
  source: string | null;
}

/** NULL sorts lowest, as in MySQL: first under ASC, last under DESC. */
function cmpNullable<T extends number | string>(a: T | null, b: T | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Position in `happened DESC, schedule DESC, source ASC` order: negative = earlier on the list. */
export function compareKey(a: SortKey, b: SortKey): number {
  return (
    cmpNullable(b.happened, a.happened) ||
    cmpNullable(b.schedule, a.schedule) ||
    cmpNullable(a.source, b.source)
  );
}

export function compareHistory(a: StoredHistory, b: StoredHistory): number {
  return compareKey(a, b) || a.seq - b.seq;
}

/**
 * The real cursor is base64 JSON of the last item's (happened, schedule,
 * source); the next page holds items strictly after that key. Items equal in
 * all three fields but split by a page boundary are therefore skipped, and
 * the fake reproduces that on purpose.
 */
export function encodeCursor(item: StoredHistory): string {
  const key = {
    happened: wireMs(item.happened),
    schedule: item.schedule === null ? null : wireSec(item.schedule),
    source: item.source,
  };
  return Buffer.from(JSON.stringify(key)).toString("base64");
}

const cursorSchema = z.object({
  happened: z.string(),
  schedule: z.string().nullable(),
  source: z.string().nullable(),
});

export function decodeCursor(cursor: string): SortKey | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64").toString("utf8"));
  } catch {
    return undefined;
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { happened, schedule, source } = parsed.data;
  if (!dateTimeText.test(happened) || (schedule !== null && !dateTimeText.test(schedule))) {
    return undefined;
  }
  const key = {
    happened: toEpoch(happened),
    schedule: schedule === null ? null : toEpoch(schedule),
    source,
  };
  return Number.isNaN(key.happened) || Number.isNaN(key.schedule ?? 0) ? undefined : key;
}

export function wireHistory(item: StoredHistory): Record<string, unknown> {
  return {
    session: item.session,
    type: item.type,
    unit: item.unit,
    source: item.source,
    dom: item.dom ? 1 : 0,
    schedule: item.schedule === null ? null : wireSec(item.schedule),
    happened: wireMs(item.happened),
  };
}

export function wireSession(
  s: StoredSession,
  histories: number,
  gamesChanges = 0,
): Record<string, unknown> {
  return {
    id: s.id,
    start: wireSec(s.start),
    end: s.end === null ? null : wireSec(s.end),
    scheduledend: s.scheduledEnd === null ? null : wireSec(s.scheduledEnd),
    active: s.active ? 1 : 0,
    lockedby: s.lockedBy,
    notes: s.notes,
    public: s.public ? 1 : 0,
    timezonestart: "+00:00",
    timezoneend: s.end === null ? null : "+00:00",
    inserted: wireSec(s.start),
    has_history: histories > 0 ? 1 : 0,
    has_games_changes: gamesChanges > 0 ? 1 : 0,
    ...(s.active ? { games: { dice: null, link: null, luck: null } } : {}),
  };
}
