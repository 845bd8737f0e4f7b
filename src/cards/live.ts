/**
 * Live status cards: posted once, then edited in place from what the poller reads for the
 * member's subscriptions anyway (onSourceRead: no request of their own), at most once every
 * `editEveryMs` per card (a burst makes one edit at the end of the window, showing its last
 * state), and a last time when the session ends. A card whose message is gone is forgotten.
 */
import { randomBytes } from "node:crypto";
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { Clock } from "../util/clock.js";
import type { PostLocale } from "../i18n/postLocale.js";
import type { Logger } from "../log.js";
import type { SourceRead } from "../poller/loop/readObserver.js";
import type { Card, CardState, CardStore } from "../store/cards.js";
import { createCoalescer } from "../util/coalesce.js";
import { errorSummary } from "../util/errorSummary.js";
import { cardBody, unsharedBody } from "./render.js";
import { advanceCardState } from "./state.js";

export interface LiveCardsDeps {
  cards: CardStore;
  rest: REST;
  postLocale: PostLocale;
  logger: Logger;
  clock: Clock;
  /** Fewest ms between two edits of one card. Default 5 s. */
  editEveryMs?: number;
}

export interface NewCard {
  userId: string;
  nick: string;
  guildId: string | null;
  channelId: string;
  session: number;
  state: CardState;
}

export interface LiveCards {
  /** Posts the card's message and stores the card; nothing is kept when the post fails. */
  post(input: NewCard): Promise<Card>;
  /** The poller's read of a session: cards of it count what is new, and are edited soon. */
  onSourceRead(read: SourceRead): Promise<void>;
  /** Deletes the card's message (if still there) and forgets the card. */
  remove(card: Card): Promise<void>;
  /** `/unlink`: every card of the member says "no longer shared" and is forgotten. */
  forgetUser(userId: string): Promise<number>;
  stop(): void;
}

/** Discord's answer for a message or channel that no longer exists. */
function gone(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.UnknownMessage ||
      err.code === RESTJSONErrorCodes.UnknownChannel)
  );
}

export function createLiveCards(deps: LiveCardsDeps): LiveCards {
  const { cards, rest, logger, clock } = deps;
  const locale = (card: Pick<Card, "guildId" | "userId">) =>
    deps.postLocale(card.guildId, card.userId);

  async function edit(cardId: string): Promise<void> {
    const card = await cards.get(cardId);
    if (card === undefined) return;
    try {
      const body = cardBody(card, await locale(card), clock.wall());
      await rest.patch(Routes.channelMessage(card.channelId, card.messageId), { body });
    } catch (err) {
      if (!gone(err)) {
        logger.warn({ cardId, err: errorSummary(err) }, "could not edit a status card");
        return;
      }
      await cards.delete(cardId);
      coalescer.cancel(cardId);
      logger.info(
        { cardId, channelId: card.channelId },
        "status card message gone; card forgotten",
      );
    }
  }
  const coalescer = createCoalescer({ clock, everyMs: deps.editEveryMs ?? 5_000, run: edit });

  return {
    async post(input) {
      const id = randomBytes(4).toString("hex");
      const draft = {
        ...input,
        id,
        messageId: "-",
        createdAt: new Date(clock.wall()).toISOString(),
      };
      const body = cardBody(draft, await locale(draft), clock.wall());
      const message = (await rest.post(Routes.channelMessages(input.channelId), { body })) as {
        id: string;
      };
      const card: Card = { ...draft, messageId: message.id };
      try {
        await cards.put(card);
      } catch (err) {
        await rest.delete(Routes.channelMessage(card.channelId, card.messageId)).catch(() => {});
        throw err;
      }
      logger.info(
        { cardId: id, channelId: card.channelId, session: card.session },
        "status card posted",
      );
      return card;
    },
    async onSourceRead(read) {
      const mine = await cards.list(
        (c) => c.userId === read.userId && c.session === read.session && c.state.endedAt === null,
      );
      const nowMs = clock.wall();
      for (const card of mine) {
        const changed = await cards.update(card.id, (fresh) => {
          const advanced = advanceCardState(fresh.state, read.items, nowMs);
          if (advanced === undefined && !read.ended) return undefined;
          const state = advanced ?? fresh.state;
          const endedAt = read.ended ? new Date(nowMs).toISOString() : null;
          return { ...fresh, state: { ...state, endedAt } };
        });
        if (changed !== undefined) coalescer.request(card.id);
      }
    },
    async remove(card) {
      coalescer.cancel(card.id);
      await cards.delete(card.id);
      await rest.delete(Routes.channelMessage(card.channelId, card.messageId)).catch((err) => {
        if (!gone(err))
          logger.warn(
            { cardId: card.id, err: errorSummary(err) },
            "could not delete a status card",
          );
      });
    },
    async forgetUser(userId) {
      const mine = await cards.list((c) => c.userId === userId);
      for (const card of mine) {
        coalescer.cancel(card.id);
        const body = unsharedBody(await locale(card));
        await rest
          .patch(Routes.channelMessage(card.channelId, card.messageId), { body })
          .catch((err) =>
            logger.info(
              { cardId: card.id, err: errorSummary(err) },
              "could not unshare a status card",
            ),
          );
      }
      return cards.deleteByUser(userId);
    },
    stop: () => coalescer.stop(),
  };
}
