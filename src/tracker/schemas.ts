/**
 * Zod schemas for the tracker's wire format, each transforming straight into
 * the domain types of types.ts so the rest of the bot never sees a wire row.
 * Objects are loose: the tracker adds fields (`has_games_changes`) without
 * notice and those must not break parsing. Scalars are a little lenient
 * (numeric strings, "0"/"1") because PHP backends drift between driver
 * settings; enums and dates stay strict so a real change is noticed.
 */
import { z } from "zod";
import { parseTrackerDateTime } from "./format.js";
import { linkRulesFrom, openGamesFrom } from "./linkGame.js";
import {
  type HistoriesPage,
  type HistoryItem,
  historySources,
  historyTypes,
  type SessionsPage,
  type TrackerSession,
  type TrackerStats,
} from "./types.js";

export const wireInt = z.union([
  z.int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.int()),
]);

export const wireCount = wireInt.pipe(z.int().nonnegative());

/** The docs say 0/1; booleans and "0"/"1" are accepted too. */
const wireFlag = z
  .union([z.literal([0, 1, "0", "1"]), z.boolean()])
  .transform((v) => v === true || v === 1 || v === "1");

export const wireDate = z.string().transform((text, ctx): Date => {
  const date = parseTrackerDateTime(text);
  if (date) return date;
  ctx.addIssue({ code: "custom", message: "expected a UTC datetime YYYY-MM-DD HH:MM:SS[.mmm]" });
  return z.NEVER;
});

/**
 * Nullable dates: null, absent, "" and MySQL's zero date all mean "none".
 * Anything else must parse.
 */
const wireOptionalDate = z
  .union([z.null(), z.undefined(), z.literal(["", "0000-00-00 00:00:00", "0000-00-00"]), wireDate])
  .transform((v): Date | null => (v instanceof Date ? v : null));

/** Empty strings from PHP mean "none" as well. */
export const wireOptionalText = z
  .string()
  .nullish()
  .transform((v): string | null => (v ? v : null));

// ---- envelope ----------------------------------------------------------------

const meta = z.looseObject({}).nullish();

export const successEnvelopeSchema = z.looseObject({
  ok: z.literal(true),
  data: z.unknown(),
  meta,
});

export const errorEnvelopeSchema = z.looseObject({
  ok: z.literal(false),
  error: z.looseObject({
    code: z.union([z.string(), z.number()]).transform(String).default("unknown"),
    message: z.string().default(""),
  }),
  meta,
});

export const envelopeSchema = z.discriminatedUnion("ok", [
  successEnvelopeSchema,
  errorEnvelopeSchema,
]);

export type WireEnvelope = z.infer<typeof envelopeSchema>;

// ---- histories ----------------------------------------------------------------

export const historyItemSchema = z
  .looseObject({
    session: wireInt,
    type: z.enum(historyTypes),
    unit: wireInt.nullish(),
    source: z.union([z.enum(historySources), z.null(), z.undefined(), z.literal("")]),
    dom: wireFlag,
    schedule: wireOptionalDate,
    happened: wireDate,
  })
  .transform(
    (row): HistoryItem => ({
      session: row.session,
      type: row.type,
      unit: row.unit ?? null,
      source: row.source ? row.source : null,
      dom: row.dom,
      schedule: row.schedule,
      happened: row.happened,
    }),
  );

export const historiesDataSchema = z
  .looseObject({
    count: wireCount,
    limit: wireCount,
    cursor_next: z.string().nullish(),
    items: z.array(historyItemSchema),
  })
  .transform(
    (data): HistoriesPage => ({
      count: data.count,
      limit: data.limit,
      items: data.items,
      // Absent, null and "" all mean "last page".
      cursorNext: data.cursor_next ? data.cursor_next : undefined,
    }),
  );

// ---- sessions -------------------------------------------------------------------

export const sessionSchema = z
  .looseObject({
    id: wireInt,
    start: wireDate,
    end: wireOptionalDate,
    scheduledend: wireOptionalDate,
    active: wireFlag,
    lockedby: wireOptionalText,
    public: wireFlag.optional(),
    // Absent means "unknown": assume there may be history rather than skip the session.
    has_history: wireFlag.optional(),
    has_games_changes: wireFlag.optional(),
    games: z.unknown().optional(),
  })
  .transform(
    (row): TrackerSession => ({
      id: row.id,
      start: row.start,
      end: row.end,
      scheduledEnd: row.scheduledend,
      active: row.active,
      lockedBy: row.lockedby,
      public: row.public ?? false,
      hasHistory: row.has_history ?? true,
      hasGamesChanges: row.has_games_changes ?? true,
      // Only active sessions carry `games`; the field stays absent otherwise.
      ...(row.games !== undefined && { linkRules: linkRulesFrom(row.games) }),
      ...(row.games !== undefined && { openGames: openGamesFrom(row.games) }),
    }),
  );

export const sessionsDataSchema = z
  .looseObject({
    count: wireCount,
    total: wireCount,
    limit: wireCount,
    offset: wireCount,
    items: z.array(sessionSchema),
  })
  .transform(
    (data): SessionsPage => ({
      count: data.count,
      total: data.total,
      limit: data.limit,
      offset: data.offset,
      items: data.items,
    }),
  );

/**
 * The docs do not show the details payload. Accept the session object
 * itself, or wrapped as `{session}`, `{item}` or a one-element `{items}`.
 */
export const sessionDetailsDataSchema = z.union([
  z.looseObject({ session: sessionSchema }).transform((d) => d.session),
  z.looseObject({ item: sessionSchema }).transform((d) => d.item),
  z.looseObject({ items: z.tuple([sessionSchema]) }).transform((d) => d.items[0]),
  sessionSchema,
]);

// ---- stats ----------------------------------------------------------------------

/** Stats dates come as `2026-01-15 09:00:00 UTC`, `2026-01-01 00:00:00` or `2026-01-15`; anything else is null. */
const statsDate = z
  .unknown()
  .transform((v): Date | null =>
    typeof v === "string" ? (parseTrackerDateTime(v.replace(/\s*UTC$/i, "")) ?? null) : null,
  )
  .optional();

/** Stats text is shown to people: a string of sane length, else null. */
const statsText = z
  .unknown()
  .transform((v): string | null =>
    typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, 200) : null,
  )
  .optional();

export const statsDataSchema = z
  .looseObject({
    nick: z.string().min(1),
    profile_url: wireOptionalText.catch(null),
    // Only `nick` is essential: no other field may fail a /link.
    locked: wireFlag.optional().catch(undefined),
    current_lock_start: statsDate,
    scheduled_end: statsDate,
    current_lock_time: statsText,
    total_locked_since: statsText,
    since_date: statsDate,
    link_game: statsText,
    last_full: statsDate,
    last_ruined: statsDate,
    last_ted: statsDate,
    last_milking: statsDate,
  })
  .transform(
    (data): TrackerStats => ({
      nick: data.nick,
      profileUrl: data.profile_url,
      locked: data.locked ?? data.current_lock_start != null,
      currentLockStart: data.current_lock_start ?? null,
      scheduledEnd: data.scheduled_end ?? null,
      currentLockTime: data.current_lock_time ?? null,
      totalLockedSince: data.total_locked_since ?? null,
      sinceDate: data.since_date ?? null,
      linkGame: data.link_game ?? null,
      lastFull: data.last_full ?? null,
      lastRuined: data.last_ruined ?? null,
      lastTed: data.last_ted ?? null,
      lastMilking: data.last_milking ?? null,
    }),
  );

/** Short, loggable descriptions of zod issues (paths and messages, never input values). */
export function describeIssues(error: z.ZodError, max = 5): string[] {
  return error.issues.slice(0, max).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    return `${path}: ${issue.message}`;
  });
}
