/**
 * Shapes of what is read back from the database. The database is a boundary
 * like any other: an older version, a manual edit or a bug may have left a
 * record that no longer fits, and it should be reported, not trusted.
 */
import { z } from "zod";
import { historySources, historyTypes } from "../tracker/types.js";
import type { OutboxEntry, Subscription } from "./types.js";

const pauseReasons = [
  "token_invalid",
  "not_linked",
  "missing_permissions",
  "missing_access",
  "unknown_channel",
  "thread_closed",
  "dm_closed",
] as const;

export const subscriptionSchema = z.object({
  id: z.string().min(1),
  guildId: z.string().min(1).nullable(),
  channelId: z.string().min(1),
  // Records written before DM subscriptions and game-rule posts read as channel / no games.
  target: z.enum(["channel", "dm"]).default("channel"),
  userId: z.string().min(1),
  session: z.number().int().nullable(),
  filters: z.object({
    type: z.enum(historyTypes).exactOptional(),
    source: z.enum(historySources).exactOptional(),
    dom: z.boolean().exactOptional(),
  }),
  createdAt: z.string(),
  status: z.enum(["active", "paused"]),
  pausedReason: z.enum(pauseReasons).nullable(),
  pausedAt: z.string().nullable(),
  currentSession: z.number().int().nullable(),
  watermark: z.string().nullable(),
  seenAtWatermark: z.array(z.string()),
  lastPostAt: z.string().nullable(),
  games: z.boolean().default(false),
  gamesWatermark: z.string().nullable().default(null),
  gamesSeenIds: z.array(z.number().int()).default([]),
  // Absent in records made without `announce_end` (read as false / nothing announced).
  announceEnd: z.boolean().exactOptional(),
  endAnnounced: z.number().int().nullable().exactOptional(),
  // Feeds without fields of their own (absent until such a feed handled something).
  feeds: z
    .record(z.string(), z.object({ watermark: z.string().nullable(), seen: z.array(z.string()) }))
    .exactOptional(),
}) satisfies z.ZodType<Subscription>;

export const outboxEntrySchema = z.object({
  id: z.string().min(1),
  channelId: z.string().min(1),
  messages: z.array(
    z.object({ nonce: z.string().min(1), body: z.record(z.string(), z.unknown()) }),
  ),
  sent: z.number().int().nonnegative(),
  advances: z.array(
    z.object({
      subscriptionId: z.string().min(1),
      session: z.number().int(),
      watermark: z.string().exactOptional(),
      seenAtWatermark: z.array(z.string()).exactOptional(),
      gamesWatermark: z.string().exactOptional(),
      gamesSeenIds: z.array(z.number().int()).exactOptional(),
      feeds: z
        .record(z.string(), z.object({ watermark: z.string(), seen: z.array(z.string()) }))
        .exactOptional(),
    }),
  ),
  createdAt: z.string(),
}) satisfies z.ZodType<OutboxEntry>;

/** An account row: the LinkedAccount with the token only in encrypted form. */
export const storedAccountSchema = z.object({
  userId: z.string().min(1),
  nick: z.string(),
  linkedAt: z.string(),
  token: z.string().min(1),
});

export type StoredAccount = z.infer<typeof storedAccountSchema>;
