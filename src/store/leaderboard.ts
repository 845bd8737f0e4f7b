/**
 * The opt-in leaderboard: who joined in which server, and each member's figures per month
 * (kept when the month ends, so past boards can be shown). Nothing about anyone who did not join.
 */
import { z } from "zod";
import type { Logger } from "../log.js";
import type { Backend } from "./backend.js";
import { type CachedCollection, loadCollection } from "./collection.js";
import { memoryCollection } from "./roles.js";

const memberRow = z.object({
  kind: z.literal("member"),
  guildId: z.string().min(1),
  userId: z.string().min(1),
  joinedAt: z.string(),
});

const monthRow = z.object({
  kind: z.literal("month"),
  userId: z.string().min(1),
  /** YYYY-MM (UTC). */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  nick: z.string(),
  /** Seconds locked within the month (as of `updatedAt`). */
  lockedSeconds: z.number(),
  /** Seconds added by others within the month: dom actions and link-game votes. */
  addedByOthersSeconds: z.number(),
  /** Start (ISO) of the lock running at `updatedAt`; null: not locked then. */
  currentStart: z.string().nullable(),
  updatedAt: z.string(),
});

export const leaderRowSchema = z.discriminatedUnion("kind", [memberRow, monthRow]);
export type LeaderRow = z.infer<typeof leaderRowSchema>;
export type LeaderMember = z.infer<typeof memberRow>;
export type LeaderMonth = z.infer<typeof monthRow>;

export const leaderRowId = (row: LeaderRow): string =>
  row.kind === "member"
    ? `member:${row.guildId}:${row.userId}`
    : `month:${row.month}:${row.userId}`;

export interface LeaderboardStore {
  members(guildId: string): Promise<LeaderMember[]>;
  memberships(userId: string): Promise<LeaderMember[]>;
  join(member: LeaderMember): Promise<void>;
  /** Removes the membership; the member's month rows go when no server board has them. */
  leave(guildId: string, userId: string): Promise<boolean>;
  months(userId: string): Promise<LeaderMonth[]>;
  month(userId: string, month: string): Promise<LeaderMonth | undefined>;
  putMonth(row: LeaderMonth): Promise<void>;
  /** Every row of the member; returns how many. */
  forgetUser(userId: string): Promise<number>;
}

export function loadLeaderboardCollection(backend: Backend, logger: Logger) {
  return loadCollection<LeaderRow>({
    backend,
    name: "leaderboard",
    schema: leaderRowSchema,
    idOf: leaderRowId,
    logger,
  });
}

const isMember = (r: LeaderRow): r is LeaderMember => r.kind === "member";
const isMonth = (r: LeaderRow): r is LeaderMonth => r.kind === "month";

export function createLeaderboardStore(rows: CachedCollection<LeaderRow>): LeaderboardStore {
  return {
    members: async (guildId) =>
      rows.values((r) => isMember(r) && r.guildId === guildId).filter(isMember),
    memberships: async (userId) =>
      rows.values((r) => isMember(r) && r.userId === userId).filter(isMember),
    join: (member) => rows.put(member),
    async leave(guildId, userId) {
      const left = await rows.delete(
        leaderRowId({ kind: "member", guildId, userId, joinedAt: "" }),
      );
      const elsewhere = rows.values((r) => isMember(r) && r.userId === userId);
      if (elsewhere.length === 0) await rows.deleteWhere((r) => isMonth(r) && r.userId === userId);
      return left;
    },
    months: async (userId) => rows.values((r) => isMonth(r) && r.userId === userId).filter(isMonth),
    month: async (userId, month) => {
      const row = rows.get(`month:${month}:${userId}`);
      return row && isMonth(row) ? row : undefined;
    },
    putMonth: (row) => rows.put(row),
    forgetUser: (userId) => rows.deleteWhere((r) => r.userId === userId),
  };
}

export function createMemoryLeaderboardStore(): LeaderboardStore {
  return createLeaderboardStore(memoryCollection<LeaderRow>(leaderRowId));
}
