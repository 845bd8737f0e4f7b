/**
 * The feeds the bot reads, in the order their lines come first on a tie in a post. The
 * poller, the outbox, /subscribe and the formatter loop over these (or over a list a test
 * injects) and name none.
 */
import type { AnyFeed } from "./feed.js";
import { gamesFeed } from "./games.js";
import { historiesFeed } from "./histories.js";

export const registeredFeeds: readonly AnyFeed[] = [historiesFeed, gamesFeed];
