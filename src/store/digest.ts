/**
 * The weekly digest: each member's setting (where, which weekday and hour) and one record per
 * week posted. A week's record is written before its post is sent, with the post's fixed nonce
 * and body, so a restart sends a pending one again (Discord answers the same nonce with the
 * first message) and never builds a second post for a week that has a record.
 */
import { z } from "zod";
import type { Logger } from "../log.js";
import { weekdays } from "../digest/week.js";
import type { Backend } from "./backend.js";
import { type CachedCollection, loadCollection } from "./collection.js";
import { memoryCollection } from "./roles.js";

const settingRow = z.object({
  kind: z.literal("setting"),
  userId: z.string().min(1),
  /** Null: the member's DM channel with the bot. */
  guildId: z.string().nullable(),
  channelId: z.string().min(1),
  day: z.enum(weekdays),
  hour: z.number().int().min(0).max(23),
  zone: z.string().min(1),
  /** ISO date of `/digest set`: slots before it are never due. */
  since: z.string(),
  /** The last week (`YYYY-Www`) whose digest was recorded; null: none yet. */
  lastWeek: z.string().nullable(),
});

const weekRow = z.object({
  kind: z.literal("week"),
  userId: z.string().min(1),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  channelId: z.string().min(1),
  nonce: z.string().min(1).max(25),
  /** The exact REST body (embeds, nonce, attachments); no token, no picture. */
  body: z.record(z.string(), z.unknown()),
  /** The chart picture (PNG, base64) until Discord accepted the post; then dropped. */
  png: z.string().nullable(),
  /** failed: Discord refused it for good (no access to the channel); never retried. */
  status: z.enum(["pending", "sent", "failed"]),
  createdAt: z.string(),
});

export const digestRowSchema = z.discriminatedUnion("kind", [settingRow, weekRow]);
export type DigestRow = z.infer<typeof digestRowSchema>;
export type DigestSetting = z.infer<typeof settingRow>;
export type DigestWeek = z.infer<typeof weekRow>;

export const digestRowId = (row: Pick<DigestRow, "kind" | "userId"> & { week?: string }): string =>
  row.kind === "setting" ? row.userId : `${row.userId}:${row.week ?? ""}`;

export interface DigestStore {
  settings(): Promise<DigestSetting[]>;
  setting(userId: string): Promise<DigestSetting | undefined>;
  putSetting(row: DigestSetting): Promise<void>;
  /** Turns the digest off; the week records stay until /unlink (they say what was posted). */
  removeSetting(userId: string): Promise<boolean>;
  weeks(userId: string): Promise<DigestWeek[]>;
  week(userId: string, week: string): Promise<DigestWeek | undefined>;
  pending(): Promise<DigestWeek[]>;
  putWeek(row: DigestWeek): Promise<void>;
  /** Every row of the member; returns how many. */
  forgetUser(userId: string): Promise<number>;
}

export function loadDigestCollection(backend: Backend, logger: Logger) {
  return loadCollection<DigestRow>({
    backend,
    name: "digest",
    schema: digestRowSchema,
    idOf: digestRowId,
    logger,
  });
}

const isSetting = (r: DigestRow): r is DigestSetting => r.kind === "setting";
const isWeek = (r: DigestRow): r is DigestWeek => r.kind === "week";

export function createDigestStore(rows: CachedCollection<DigestRow>): DigestStore {
  return {
    settings: async () => rows.values(isSetting).filter(isSetting),
    setting: async (userId) => {
      const row = rows.get(userId);
      return row && isSetting(row) ? row : undefined;
    },
    putSetting: (row) => rows.put(row),
    removeSetting: (userId) => rows.delete(userId),
    weeks: async (userId) => rows.values((r) => isWeek(r) && r.userId === userId).filter(isWeek),
    week: async (userId, week) => {
      const row = rows.get(`${userId}:${week}`);
      return row && isWeek(row) ? row : undefined;
    },
    pending: async () => rows.values((r) => isWeek(r) && r.status === "pending").filter(isWeek),
    putWeek: (row) => rows.put(row),
    forgetUser: (userId) => rows.deleteWhere((r) => r.userId === userId),
  };
}

export function createMemoryDigestStore(): DigestStore {
  return createDigestStore(memoryCollection<DigestRow>(digestRowId));
}
