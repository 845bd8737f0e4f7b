/**
 * `/votes open` (and its paste-the-link form): checks, finds the active session and the public
 * link token, and posts the panel. Shared by the slash command and the modal submit.
 */
import {
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  type ModalSubmitInteraction,
} from "discord.js";
import type { BotContext } from "../botContext.js";
import { requireAccount } from "../discord/accounts.js";
import { UserError } from "../discord/errors.js";
import { checkSubscriptionChannel } from "../discord/permissions.js";
import { type Locale, resolveLocale, t } from "../i18n/index.js";
import { linkTokenFrom } from "../tracker/linkGame.js";
import type { VoteType } from "../tracker/play.js";
import { runningSessionIds } from "../tracker/types.js";
import { votesEnabled } from "./settings.js";

type Where = ChatInputCommandInteraction<"cached"> | ModalSubmitInteraction<"cached">;

const pasteButtonId = (channelId: string) => `votes:paste:${channelId}`;
export const pasteModalId = (channelId: string) => `votes:pasted:${channelId}`;

/** Posts a panel in `channelId`; `pasted` is the link the member pasted, if any. */
export async function openPanel(
  interaction: Where,
  ctx: BotContext,
  channelId: string,
  pasted?: string,
): Promise<void> {
  const locale = resolveLocale(interaction.locale);
  const account = await checkMayOpen(interaction, ctx, channelId);
  const page = await ctx.tracker.sessions(account.token, { active: true, limit: 10 });
  const sessionId = runningSessionIds(page.items)[0];
  const session = page.items.find((s) => s.id === sessionId);
  if (!session) throw new UserError({ key: "play.noActiveSession" });
  let token = pasted === undefined ? undefined : linkTokenFrom(pasted);
  if (pasted !== undefined && token === undefined)
    throw new UserError({ key: "play.pasteInvalid" });
  const stats = await ctx.tracker.stats(account.token);
  token ??= linkTokenFrom(stats.linkGame);
  if (token === undefined) return askForLink(interaction, locale, channelId);
  await ctx.votePanels.open({
    guildId: interaction.guildId,
    channelId,
    ownerId: interaction.user.id,
    nick: stats.nick,
    session: session.id,
    token,
    types: voteTypesOf(session.linkRules ?? { add: true, sub: true }),
    scheduledEnd: session.scheduledEnd?.toISOString() ?? null,
  });
  await interaction.editReply({
    content: t(locale, "play.opened", { channel: `<#${channelId}>` }),
    components: [],
  });
}

/**
 * Votes on in this server, a channel the bot can post in, a linked member without an open panel
 * there: the member's account.
 */
async function checkMayOpen(interaction: Where, ctx: BotContext, channelId: string) {
  if (!(await votesEnabled(ctx.store, interaction.guildId)))
    throw new UserError({ key: "play.disabledHere" });
  const channel =
    interaction.guild.channels.cache.get(channelId) ??
    (await interaction.guild.channels.fetch(channelId).catch(() => null));
  if (!channel) throw new UserError({ key: "dm.cannotSeeChannel" });
  await checkSubscriptionChannel(interaction, channel);
  const account = await requireAccount(ctx, interaction.user.id);
  const open = await ctx.store.plays.listPanels(
    (p) => p.ownerId === interaction.user.id && p.channelId === channelId && p.status === "open",
  );
  if (open.length > 0)
    throw new UserError({ key: "play.alreadyOpen", vars: { channel: `<#${channelId}>` } });
  return account;
}

/** No link game on the tracker's side: a button to paste the link instead. */
async function askForLink(interaction: Where, locale: Locale, channelId: string): Promise<void> {
  await interaction.editReply({
    content: t(locale, "play.noLinkGame"),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: t(locale, "play.pasteButton"),
            custom_id: pasteButtonId(channelId),
          },
        ],
      },
    ],
  });
}

/** The votes the session's link rules allow; a random vote always. */
function voteTypesOf(rules: { add: boolean; sub: boolean }): VoteType[] {
  return [
    ...(rules.add ? (["add"] as const) : []),
    ...(rules.sub ? (["sub"] as const) : []),
    "rand",
  ];
}
