import {
  type APIEmbed,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Command } from "../src/discord/command.js";
import { canManageGuild } from "../src/discord/permissions.js";
import { type Locale, resolveLocale, t } from "../src/i18n/index.js";
import type { CheckInterval } from "../src/poller/status.js";
import type { Subscription } from "../src/store/types.js";
import { describeFilters, describePause } from "../src/subscriptions/describe.js";
import { visibleSubscriptions } from "../src/subscriptions/visible.js";

const data = {
  name: "subscriptions",
  description: "List your subscriptions in this server (with Manage Server: everyone's)",
  contexts: [InteractionContextType.Guild],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The "checked about every N min" note, when the tracker budget stretches this subscription. */
function checkNote(locale: Locale, check: CheckInterval | undefined): string {
  if (check === undefined) return "";
  const count = check.sharedBy;
  const text =
    check.intervalMs < 120_000
      ? t(locale, "scheduler.checkedEverySeconds", {
          seconds: Math.round(check.intervalMs / 1000),
          count,
        })
      : t(locale, "scheduler.checkedEvery", {
          minutes: Math.round(check.intervalMs / 60_000),
          count,
        });
  return ` · 🐢 ${text}`;
}

function line(s: Subscription, userId: string, backoff: Date | undefined, check: string): string {
  const session =
    s.session === null
      ? `active session${s.currentSession === null ? " (none right now)" : ` (#${s.currentSession})`}`
      : `session ${s.session}`;
  const status =
    s.status === "paused"
      ? `⏸️ paused: ${describePause(s.pausedReason)}`
      : backoff
        ? `⏳ tracker not answering, retrying <t:${Math.ceil(backoff.getTime() / 1000)}:R>`
        : "✅ active";
  const last = s.lastPostAt
    ? `last post <t:${Math.floor(Date.parse(s.lastPostAt) / 1000)}:R>`
    : "nothing posted yet";
  const owner = s.userId === userId ? "" : ` · by <@${s.userId}>`;
  return `\`${s.id}\` · <#${s.channelId}> · ${session} · ${describeFilters(s.filters)}${owner}\n  ${status} · ${last}${s.status === "active" ? check : ""}`;
}

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const manager = canManageGuild(interaction);
    const list = await visibleSubscriptions(
      ctx.store.subscriptions,
      interaction.user.id,
      interaction.guildId,
      manager,
    );
    if (list.length === 0) {
      await interaction.editReply(
        manager
          ? "There are no subscriptions in this server. Members create them with `/subscribe`."
          : "You have no subscriptions in this server. Create one with `/subscribe`.",
      );
      return;
    }
    const locale = resolveLocale(interaction.locale);
    const lines = list.map((s) =>
      line(
        s,
        interaction.user.id,
        ctx.backoffUntil?.(s),
        checkNote(locale, ctx.checkInterval?.(s)),
      ),
    );
    const embeds: APIEmbed[] = [];
    let current: string[] = [];
    for (const l of lines) {
      if ([...current, l].join("\n").length > 4000) {
        embeds.push({ description: current.join("\n") });
        current = [];
      }
      current.push(l);
    }
    embeds.push({ description: current.join("\n") });
    const first = embeds[0];
    if (first) first.title = manager ? "Subscriptions in this server" : "Your subscriptions";
    const last = embeds[embeds.length - 1];
    if (last)
      last.footer = {
        text: `${list.length} subscription${list.length === 1 ? "" : "s"} · remove one with /unsubscribe`,
      };
    await interaction.editReply({ embeds: embeds.slice(0, 10), allowedMentions: { parse: [] } });
  },
} satisfies Command;
