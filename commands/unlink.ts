import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { BotCommand } from "../src/botContext.js";
import { everywhere } from "../src/discord/installs.js";
import { resolveLocale, t } from "../src/i18n/index.js";
import { keptAfterUnlink } from "../src/privacy/moreSections.js";
import { privacySourceOf } from "../src/privacy/sections.js";

const data = {
  name: "unlink",
  description: "Forget your Chastity Tracker token and stop every subscription you made",
  ...everywhere,
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const userId = interaction.user.id;
    const hadAccount = await ctx.store.accounts.delete(userId);
    const subscriptions = await ctx.store.subscriptions.deleteByUser(userId);
    // Roles the bot gave go too, in every server, with the consents.
    const consents = (await ctx.store.roles.listMembersByUser(userId)).length;
    const roles = await ctx.roleSync.forgetUser(userId);
    const locale = resolveLocale(interaction.locale);
    const roleLines =
      consents === 0
        ? []
        : [
            t(locale, "roles.unlinkRoles", { count: roles.removed }),
            ...(roles.failed > 0 ? [t(locale, "roles.removeFailed", { count: roles.failed })] : []),
          ];
    ctx.sessionCache.clear(userId);
    // Vote panels: closed, and their public link tokens forgotten with the member's votes.
    const panels = await ctx.votePanels.closeWhere((p) => p.ownerId === userId, "unlinked", true);
    await ctx.store.plays.deleteAttemptsOf(userId);
    if (panels > 0) roleLines.push(t(locale, "play.unlinkPanels", { count: panels }));
    // Status cards say "no longer shared" (in the post language, read before it is forgotten).
    const cards = await ctx.liveCards.forgetUser(userId);
    if (cards > 0) roleLines.push(t(locale, "card.unlinkCards", { count: cards }));
    // Leaderboard: the memberships and the month rows, in every server.
    await ctx.store.leaderboard.forgetUser(userId);
    ctx.leaderboard.forget(userId);
    // The weekly digest: its setting and the weeks posted (a pending post is not sent).
    await ctx.store.digest.forgetUser(userId);
    await ctx.store.locales.forgetMember(userId);
    // Paging records made before the unlink name the member: they go too.
    await ctx.store.uiState.deleteByUser(userId);
    // The agreed exception: server settings keep the admin who made them. Say so, by name.
    const kept = await keptAfterUnlink(userId, privacySourceOf(ctx), locale);
    ctx.logger.info(
      { userId, hadAccount, subscriptions, consents, cards, ...roles },
      "account unlinked",
    );
    const reply = (lines: string[]) =>
      interaction.editReply({ content: lines.join("\n"), allowedMentions: { parse: [] } });
    if (!hadAccount && subscriptions === 0 && consents === 0 && cards === 0) {
      await reply([t(locale, "link.unlinkNothing"), ...kept]);
      return;
    }
    const removed = [
      hadAccount ? t(locale, "link.unlinkToken") : undefined,
      subscriptions > 0
        ? t(locale, "link.unlinkSubscriptions", { count: subscriptions })
        : undefined,
      t(locale, "link.unlinkSessions"),
    ].filter((x) => x !== undefined);
    const what = removed.join(", ");
    await reply([
      t(locale, kept.length > 0 ? "link.unlinkRemovedKept" : "link.unlinkRemoved", { what }),
      ...roleLines,
      ...kept,
    ]);
  },
} satisfies BotCommand;
