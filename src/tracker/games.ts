/**
 * The games feed (`GET /api/v2/games_changes.php`): an audit log of rule changes of a session's
 * games. Domain types and wire schemas live together here so the histories files stay as they
 * are; client.ts builds the query and adds the two methods.
 */
import { z } from "zod";
import { wireCount, wireDate, wireInt, wireOptionalText } from "./schemas.js";

export const gameKinds = ["DICE", "LINK", "LUCK"] as const;
export type GameKind = (typeof gameKinds)[number];

export const gameActions = ["INSERT", "UPDATE", "DELETE"] as const;
export type GameAction = (typeof gameActions)[number];

/** One human-readable difference, written by the site from people's settings: untrusted text. */
export interface GameChangeDiff {
  label: string;
  from: string | null;
  to: string | null;
}

export interface GameChange {
  id: number;
  game: GameKind;
  action: GameAction;
  /** UTC. */
  happened: Date;
  /** The dom who changed it; null when the wearer did. Untrusted text. */
  domNick: string | null;
  /** Empty when asked with `includeDiff: false` (or when the tracker sent none). */
  changes: GameChangeDiff[];
  /** Only with `includeRaw`: the config before (null for INSERT) and after (null for DELETE). */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface GamesChangesQuery {
  session: number;
  game?: GameKind | undefined;
  action?: GameAction | undefined;
  /** Inclusive bounds on `happened`; sent floored to the second. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** 1..200; never more than 200 is sent. */
  limit?: number | undefined;
  cursor?: string | undefined;
  /** Adds `before`/`after` (tracker default: off). */
  includeRaw?: boolean | undefined;
  /** Adds `changes` (tracker default: on). */
  includeDiff?: boolean | undefined;
}

export interface GamesChangesPage {
  count: number;
  limit: number;
  /** Tracker order: `happened` DESC, `id` DESC. */
  items: GameChange[];
  /** Undefined on the last page. */
  cursorNext: string | undefined;
}

/** The docs promise strings and allow numbers or null: all read as text or null. */
const wireText = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.undefined()])
  .transform((v): string | null => (v === null || v === undefined ? null : String(v)));

const diffSchema = z
  .looseObject({ label: wireText, from: wireText, to: wireText })
  .transform((d): GameChangeDiff => ({ label: d.label ?? "", from: d.from, to: d.to }));

const configSchema = z.record(z.string(), z.unknown()).nullish();

export const gameChangeSchema = z
  .looseObject({
    id: wireInt,
    game: z.enum(gameKinds),
    action: z.enum(gameActions),
    happened: wireDate,
    dom_nick: wireOptionalText,
    changes: z.array(diffSchema).nullish(),
    before: configSchema,
    after: configSchema,
  })
  .transform(
    (row): GameChange => ({
      id: row.id,
      game: row.game,
      action: row.action,
      happened: row.happened,
      domNick: row.dom_nick,
      changes: row.changes ?? [],
      ...(row.before !== undefined && { before: row.before }),
      ...(row.after !== undefined && { after: row.after }),
    }),
  );

export const gamesChangesDataSchema = z
  .looseObject({
    count: wireCount,
    limit: wireCount,
    cursor_next: z.string().nullish(),
    items: z.array(gameChangeSchema),
  })
  .transform(
    (data): GamesChangesPage => ({
      count: data.count,
      limit: data.limit,
      items: data.items,
      cursorNext: data.cursor_next ? data.cursor_next : undefined,
    }),
  );
