/**
 * A press on a vote panel. What is sent on whose behalf is the point of this file:
 * `{game:"link", dom:0, token, type}` with NO bearer, or the voter's own linked token; never
 * the wearer's (the tracker punishes the wearer for that), and the wearer's own press sends
 * nothing at all.
 */
import { type ButtonInteraction, MessageFlags } from "discord.js";
import type { Clock } from "../util/clock.js";
import type { BotContext } from "../botContext.js";
import { reply } from "../discord/router.js";
import { discordTimestamp } from "../format/items.js";
import { resolveLocale, t } from "../i18n/index.js";
import type { PlayAttempt, VotePanel } from "../store/plays.js";
import {
  TrackerAuthError,
  type TrackerError,
  TrackerForbiddenError,
  TrackerRateLimitError,
} from "../tracker/errors.js";
import type { VoteType } from "../tracker/play.js";
import { outcomeText } from "./reply.js";
import { sendDepsOf, sendPlayOnce } from "./send.js";
import { deadlineAfter, leftInThisRun } from "../util/lastingDeadline.js";
import { votesEnabled } from "./settings.js";

/** The voter's bearer, or undefined when they have none or it could be the wearer's own. */
async function voterBearer(
  ctx: BotContext,
  panel: VotePanel,
  voterId: string,
): Promise<string | undefined> {
  const voter = await ctx.store.accounts.get(voterId);
  if (!voter) return undefined;
  // A second Discord account linked to the wearer's tracker account must not vote as them.
  if (voter.nick.toLowerCase() === panel.nick.toLowerCase()) return undefined;
  const owner = await ctx.store.accounts.get(panel.ownerId);
  if (owner && owner.token === voter.token) return undefined;
  return voter.token;
}

export async function handleVote(
  interaction: ButtonInteraction,
  ctx: BotContext,
  panelId: string,
  type: VoteType,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const locale = resolveLocale(interaction.locale);
  const say = (content: string) => reply(interaction, content);
  const panel = await ctx.store.plays.getPanel(panelId);
  if (panel?.status !== "open" || !panel.types.includes(type))
    return say(t(locale, "play.panelGone"));
  if (interaction.user.id === panel.ownerId) return say(t(locale, "play.ownPanel"));
  if (!(await votesEnabled(ctx.store, panel.guildId))) return say(t(locale, "play.disabledHere"));

  const bearer = await voterBearer(ctx, panel, interaction.user.id);
  const token = ctx.store.plays.panelToken(panel);
  const cooldownMs = ctx.config.VOTE_COOLDOWN_MINUTES * 60_000;
  const outcome = await sendPlayOnce(
    sendDepsOf(ctx),
    {
      id: interaction.id,
      kind: "vote",
      userId: interaction.user.id,
      panelId: panel.id,
      game: "link",
      session: panel.session,
      type,
    },
    bearer,
    { game: "link", dom: false, token, type },
    (last) => cooldownLeft(ctx.clock, last, cooldownMs),
  );
  if (outcome.kind === "cooldown") {
    const at = new Date(ctx.clock.wall() + outcome.leftMs);
    return say(t(locale, "play.cooldown", { at: discordTimestamp(at, "R") }));
  }
  await say(outcomeText("link", outcome, locale, token));
  const votes = ctx.votePanels;
  if (outcome.kind === "done") {
    const end = outcome.result.scheduledEnd?.toISOString() ?? null;
    await ctx.store.plays.updatePanel(panel.id, (p) => ({ ...p, scheduledEnd: end }));
    votes.refreshSoon(panel.id);
  }
  // A refusal may mean the session ended or the token changed: ask the wearer's side once.
  if (outcome.kind === "refused" && !voterProblem(outcome.error, bearer !== undefined))
    await votes.check(panel.id);
}

/**
 * What is left of the cooldown a vote started: on this run's monotonic clock for a vote of this
 * run (a wall-clock step moves it not), by its stored date, capped, for one before a restart.
 */
export function cooldownLeft(clock: Clock, vote: PlayAttempt, cooldownMs: number): number {
  const start = { run: vote.run ?? "", mono: vote.mono ?? 0, wall: Date.parse(vote.createdAt) };
  return leftInThisRun(clock, `vote:${vote.id}`, deadlineAfter(start, cooldownMs));
}

/** A refusal about the voter (rate limit, their own token), which says nothing about the panel. */
function voterProblem(err: TrackerError, withOwnBearer: boolean): boolean {
  if (err instanceof TrackerRateLimitError) return true;
  return withOwnBearer && (err instanceof TrackerAuthError || err instanceof TrackerForbiddenError);
}
