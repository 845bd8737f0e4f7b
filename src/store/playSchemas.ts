/** Stored shapes of plays and vote panels (validated when the store loads). */
import { z } from "zod";

export const attemptStates = ["pending", "done", "refused", "unknown", "not_sent"] as const;
export type AttemptState = (typeof attemptStates)[number];

const game = z.enum(["dice", "luck", "link"]);
const voteType = z.enum(["add", "sub", "rand"]);

export const playAttemptSchema = z.object({
  /** The interaction's id: Discord re-sending the interaction finds this record. */
  id: z.string().min(1),
  kind: z.enum(["play", "dom", "vote"]),
  userId: z.string(),
  panelId: z.string().nullable(),
  game,
  session: z.number().int().nullable(),
  type: voteType.nullable(),
  /** ISO 8601 (wall clock: the cooldown and the tally must survive a restart). */
  createdAt: z.string(),
  /**
   * The run (util/lastingDeadline.ts) and its monotonic reading at `createdAt`: within that run
   * the cooldown is judged on these, so a wall-clock step moves it not. Absent in older records.
   */
  run: z.string().optional(),
  mono: z.number().optional(),
  /** pending: recorded, maybe sent; unknown: maybe applied, never sent again. */
  state: z.enum(attemptStates),
  /** Signed seconds the play changed, once done. */
  seconds: z.number().nullable(),
  scheduledEnd: z.string().nullable(),
  multiplier: z.number().nullable(),
});
export type PlayAttempt = z.infer<typeof playAttemptSchema>;

export const votePanelSchema = z.object({
  id: z.string().min(1),
  guildId: z.string(),
  channelId: z.string(),
  /** Null until the panel message was posted. */
  messageId: z.string().nullable(),
  ownerId: z.string(),
  /** The wearer's tracker nick when the panel opened (untrusted text). */
  nick: z.string(),
  session: z.number().int(),
  /** The public link token, encrypted (`v1.<kid>...`). */
  token: z.string(),
  types: z.array(voteType),
  scheduledEnd: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(["open", "closed"]),
  closedReason: z.enum(["owner", "ended", "token", "disabled", "unlinked"]).nullable(),
});
export type VotePanel = z.infer<typeof votePanelSchema>;
export type PanelClosedReason = NonNullable<VotePanel["closedReason"]>;
