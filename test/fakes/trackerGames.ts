/**
 * The fake tracker's games feed (`games_changes.php`): stored rule changes, the documented
 * order (`happened` DESC, `id` DESC), filters and an opaque cursor over that key.
 */
import { parseBound, toEpoch, wireSec } from "./trackerData.js";

export const fakeGames = ["DICE", "LINK", "LUCK"] as const;
export const fakeActions = ["INSERT", "UPDATE", "DELETE"] as const;
export type FakeGame = (typeof fakeGames)[number];
export type FakeAction = (typeof fakeActions)[number];

/** A difference as the site writes it; tests may put anything (numbers, null, hostile text). */
export interface FakeGameDiff {
  label: unknown;
  from: unknown;
  to: unknown;
}

/** What tests pass to addGameChanges; everything has a default. */
export interface FakeGameChangeInput {
  id?: number;
  game?: FakeGame;
  action?: FakeAction;
  /** Date or `YYYY-MM-DD HH:MM:SS` UTC (the feed has second precision). */
  happened?: Date | string;
  domNick?: string | null;
  changes?: FakeGameDiff[];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface StoredGameChange {
  id: number;
  session: number;
  game: FakeGame;
  action: FakeAction;
  happened: number;
  domNick: string | null;
  changes: FakeGameDiff[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function makeGameChange(
  session: number,
  id: number,
  input: FakeGameChangeInput,
  autoHappened: number,
): StoredGameChange {
  const action = input.action ?? "UPDATE";
  const happened = input.happened === undefined ? autoHappened : toEpoch(input.happened);
  return {
    id,
    session,
    game: input.game ?? "DICE",
    action,
    happened: Math.floor(happened / 1000) * 1000,
    domNick: input.domNick ?? null,
    changes: input.changes ?? [{ label: "dice", from: "2", to: "3" }],
    before: input.before !== undefined ? input.before : action === "INSERT" ? null : { dices: 2 },
    after: input.after !== undefined ? input.after : action === "DELETE" ? null : { dices: 3 },
  };
}

const newestFirst = (a: StoredGameChange, b: StoredGameChange) =>
  b.happened - a.happened || b.id - a.id;

function encodeCursor(item: StoredGameChange): string {
  return Buffer.from(JSON.stringify({ h: wireSec(item.happened), i: item.id })).toString(
    "base64url",
  );
}

function decodeCursor(text: string): { happened: number; id: number } | undefined {
  try {
    const raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (typeof raw !== "object" || raw === null) return undefined;
    const { h, i } = raw as { h?: unknown; i?: unknown };
    const happened = typeof h === "string" ? parseBound(h) : undefined;
    if (happened === undefined || typeof i !== "number" || !Number.isInteger(i)) return undefined;
    return { happened, id: i };
  } catch {
    return undefined;
  }
}

export interface GamesQuery {
  game: FakeGame | undefined;
  action: FakeAction | undefined;
  from: number | undefined;
  to: number | undefined;
  limit: number;
  cursor: string | undefined;
  includeRaw: boolean;
  includeDiff: boolean;
}

/** One page of `data`, or "bad-cursor" for a cursor this fake never issued. */
export function gamesPage(
  all: readonly StoredGameChange[],
  q: GamesQuery,
): Record<string, unknown> | "bad-cursor" {
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  if (q.cursor && !after) return "bad-cursor";
  const matching = all
    .filter(
      (c) =>
        (q.game === undefined || c.game === q.game) &&
        (q.action === undefined || c.action === q.action) &&
        (q.from === undefined || c.happened >= q.from) &&
        (q.to === undefined || c.happened <= q.to) &&
        (after === undefined ||
          c.happened < after.happened ||
          (c.happened === after.happened && c.id < after.id)),
    )
    .sort(newestFirst);
  const page = matching.slice(0, q.limit);
  const last = page.at(-1);
  return {
    count: page.length,
    limit: q.limit,
    cursor_next: matching.length > q.limit && last ? encodeCursor(last) : null,
    items: page.map((c) => ({
      id: c.id,
      session: c.session,
      game: c.game,
      action: c.action,
      happened: wireSec(c.happened),
      dom_nick: c.domNick,
      ...(q.includeDiff && { changes: c.changes }),
      ...(q.includeRaw && { before: c.before, after: c.after }),
    })),
  };
}
