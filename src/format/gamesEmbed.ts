/** The `/histories games:true` page: game-rule changes, newest first, one line each. */
import type { APIEmbed } from "discord.js";
import type { Translate } from "../i18n/index.js";
import type { GameChange } from "../tracker/games.js";
import { formatGameChangeLine } from "./gameChanges.js";
import { embedLimits, joinLinesWithin, truncate } from "./historiesEmbed.js";
import { inert } from "./untrusted.js";

export interface GamesEmbedInput {
  session: number;
  nick?: string | undefined;
  changes: readonly GameChange[];
  page: number;
  hasOlder: boolean;
  /** A `from`/`to` range narrowed the list. */
  filtered: boolean;
  tr: Translate;
}

export function buildGamesEmbed(input: GamesEmbedInput): APIEmbed {
  const { tr } = input;
  const nick = inert(input.nick ?? "", 64);
  const title = `🎲 ${tr("games.viewTitle", { nick, session: input.session })}`;
  const footer = tr("games.page", { page: input.page });
  const embed: APIEmbed = {
    title: truncate(title, embedLimits.title),
    footer: { text: footer },
  };
  if (input.changes.length === 0) {
    embed.description =
      input.page > 1
        ? tr("games.pastOldest")
        : input.filtered
          ? tr("games.emptyFiltered")
          : tr("games.empty");
    return embed;
  }
  const lines = input.changes.map((change) => formatGameChangeLine(change, tr));
  embed.description = joinLinesWithin(lines, embedLimits.description, tr);
  return embed;
}
