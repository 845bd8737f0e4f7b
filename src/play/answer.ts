import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../botContext.js";
import { reply } from "../discord/router.js";
import { type Locale, resolveLocale } from "../i18n/index.js";
import type { PlayGame, PlayRequest, VoteType } from "../tracker/play.js";
import { outcomeText } from "./reply.js";
import { type PlayOutcome, sendDepsOf, sendPlayOnce } from "./send.js";

/** A play a slash command asked for (/play, /dom): recorded, sent at most once, answered. */
export async function playFromCommand(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  bearer: string,
  play: { kind: "play" | "dom"; type: VoteType | null; request: PlayRequest & { session: number } },
): Promise<void> {
  const { game, session } = play.request;
  const outcome = await sendPlayOnce(
    sendDepsOf(ctx),
    {
      id: interaction.id,
      kind: play.kind,
      userId: interaction.user.id,
      panelId: null,
      game,
      session,
      type: play.type,
    },
    bearer,
    play.request,
  );
  await answerPlay(interaction, game, outcome, resolveLocale(interaction.locale));
}

/** A result goes where the member asked (`public`); anything else only to them. */
async function answerPlay(
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
