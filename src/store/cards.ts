/**
 * Live status cards (`/card post`): one message per session and channel that the bot edits in
 * place. The record keeps what the card shows, built once when it was posted and carried forward
 * from what the member's subscriptions read anyway (src/cards), so an edit costs no request.
 */
import { z } from "zod";
import type { Logger } from "../log.js";
import type { Backend } from "./backend.js";
import { type CachedCollection, loadCollection } from "./collection.js";
import { memoryCollection } from "./roles.js";
import { historySources, historyTypes } from "../tracker/types.js";

const lastChangeSchema = z.object({
  type: z.enum(historyTypes),
  /** Signed seconds (null: START or no unit). */
  seconds: z.number().nullable(),
  source: z.enum(historySources).nullable(),
  dom: z.boolean(),
  happened: z.string(),
});

export const cardStateSchema = z.object({
  /** Session start (ISO); null when the tracker sent none. */
  start: z.string().nullable(),
  /** The scheduled release (ISO) as of the newest change read. */
  schedule: z.string().nullable(),
  last: lastChangeSchema.nullable(),
  /** Seconds added and removed since the session started (both >= 0). */
  added: z.number(),
  removed: z.number(),
  /** Net seconds per UTC day (YYYY-MM-DD), the last eight days only. */
  days: z.record(z.string(), z.number()),
  /** Which games the session had open when the card was posted (dice, link, luck). */
  games: z.array(z.string()),
  /** The newest change counted, and the keys counted within its late window (feeds/historyDetect). */
  watermark: z.string().nullable(),
  seenAtWatermark: z.array(z.string()),
  /** When the session was seen ended (ISO); null while it runs. */
  endedAt: z.string().nullable(),
});

export type CardState = z.infer<typeof cardStateSchema>;
export type LastChange = z.infer<typeof lastChangeSchema>;

export const cardSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}$/),
  userId: z.string().min(1),
  /** The member's tracker nick when the card was posted (its title). */
  nick: z.string(),
  /** Null: the member's DM with the bot. */
  guildId: z.string().min(1).nullable(),
  channelId: z.string().min(1),
  messageId: z.string().min(1),
  session: z.number().int(),
  createdAt: z.string(),
  state: cardStateSchema,
});

export type Card = z.infer<typeof cardSchema>;

export interface CardStore {
  get(id: string): Promise<Card | undefined>;
  list(match?: (card: Card) => boolean): Promise<Card[]>;
  put(card: Card): Promise<void>;
  update(id: string, change: (card: Card) => Card | undefined): Promise<Card | undefined>;
  delete(id: string): Promise<boolean>;
  deleteByUser(userId: string): Promise<number>;
}

export function loadCardCollection(backend: Backend, logger: Logger) {
  return loadCollection<Card>({
    backend,
    name: "cards",
    schema: cardSchema,
    idOf: (c) => c.id,
    logger,
  });
}

export function createCardStore(cards: CachedCollection<Card>): CardStore {
  return {
    get: async (id) => cards.get(id),
    list: async (match) => cards.values(match),
    put: (card) => cards.put(card),
    update: (id, change) => cards.update(id, change),
    delete: (id) => cards.delete(id),
    deleteByUser: (userId) => cards.deleteWhere((c) => c.userId === userId),
  };
}

/** For tests and tools that run without a database. */
export function createMemoryCardStore(): CardStore {
  return createCardStore(memoryCollection<Card>((c) => c.id));
}
