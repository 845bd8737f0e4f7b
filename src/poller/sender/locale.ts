/**
 * The language of one channel's posts, fixed when its outbox entry is saved
 * (a resend sends the same bytes): a DM subscription posts in its owner's
 * language (their last interaction), a channel in its server's (`/language
 * set`, else `preferred_locale`), English when unknown.
 */
import type { Logger } from "pino";
import type { PostLocale } from "../../i18n/postLocale.js";
import type { Locale } from "../../i18n/index.js";
import type { Subscription } from "../../store/types.js";
import { errorSummary } from "../../util/errorSummary.js";

export type { PostLocale };

/** `sub` is any subscription posting into the channel (they share its guild, or its DM owner). */
export async function channelLocale(
  postLocale: PostLocale | undefined,
  sub: Pick<Subscription, "id" | "userId" | "guildId" | "target"> | undefined,
  logger: Logger,
): Promise<Locale> {
  if (postLocale === undefined || sub === undefined) return "en";
  try {
    return await postLocale(sub.target === "dm" ? null : sub.guildId, sub.userId);
  } catch (err) {
    logger.warn(
      { subscriptionId: sub.id, err: errorSummary(err) },
      "could not read the post language; using English",
    );
    return "en";
  }
}
