import type { ChatInputCommandInteraction } from "discord.js";
import { reply } from "../discord/router.js";
import type { Locale } from "../i18n/index.js";
import type { PlayGame } from "../tracker/play.js";
import { outcomeText } from "./reply.js";
import type { PlayOutcome } from "./send.js";

/** A result goes where the member asked (`public`); anything else only to them. */
export async function answerPlay(
  interaction: ChatInputCommandInteraction,
  game: PlayGame,
  outcome: PlayOutcome,
  locale: Locale,
): Promise<void> {
  if (outcome.kind === "cooldown") return;
  const content = outcomeText(game, outcome, locale);
  if (outcome.kind === "done")
    await interaction.editReply({ content, allowedMentions: { parse: [] } });
  else await reply(interaction, content);
}
