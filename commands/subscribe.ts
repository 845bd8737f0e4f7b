import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { requireAccount } from "../src/discord/accounts.js";
import type { BotCommand, BotContext } from "../src/botContext.js";
import { UserError } from "../src/discord/errors.js";
import { serverAndBotDm } from "../src/discord/installs.js";
import { postableChannelTypes } from "../src/discord/permissions.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { gamesStartingState } from "../src/games/detect.js";
import { type Locale, resolveLocale, t, translator } from "../src/i18n/index.js";
import type { Subscription, SubscriptionFilters, SubscriptionStore } from "../src/store/types.js";
import {
  newSubscriptionId,
  resolveSession,
  sameFilters,
  startingStateFor,
} from "../src/subscriptions/start.js";
import { describeTarget, type ResolvedTarget, resolveTarget } from "../src/subscriptions/target.js";
import { historySources, historyTypes } from "../src/tracker/types.js";
import { filterOptions, optionError } from "./options.js";

const data = {
  name: "subscribe",
  description:
    "Post every new change of your session (dice, penalties, dom actions...) into a channel",
  ...serverAndBotDm,
  options: [
    {
      name: "session",
      description: "Session number; leave empty to follow whichever of your sessions is active",
      type: ApplicationCommandOptionType.Integer,
      required: false,
      autocomplete: true,
      min_value: 1,
    },
    {
      name: "channel",
      description: "Where to post (default: this channel)",
      type: ApplicationCommandOptionType.Channel,
      required: false,
      channel_types: [...postableChannelTypes],
    },
    ...filterOptions,
    {
      name: "to",
      description: "Post into a channel (default) or into your DM with the bot",
      type: ApplicationCommandOptionType.String,
      required: false,
      choices: [
        { name: "channel", value: "channel" },
        { name: "dm", value: "dm" },
      ],
    },
    {
      name: "games",
      description: "Also post changes of the session's game rules (dice, link game, luck)",
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    },
    {
      name: "announce_end",
      description:
        "Also post once when the session ends: how long it lasted, time added and removed",
      type: ApplicationCommandOptionType.Boolean,
      required: false,
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const inputSchema = z.object({
  session: z.number().int().positive().nullable(),
  type: z.enum(historyTypes).optional(),
  source: z.enum(historySources).optional(),
  dom: z.boolean().optional(),
  to: z.enum(["channel", "dm"]).default("channel"),
  games: z.boolean().default(false),
  announceEnd: z.boolean().default(false),
});

function readInput(interaction: ChatInputCommandInteraction) {
  const o = interaction.options;
  const parsed = inputSchema.safeParse({
    session: o.getInteger("session"),
    type: o.getString("type") ?? undefined,
    source: o.getString("source") ?? undefined,
    dom: o.getBoolean("dom") ?? undefined,
    to: o.getString("to") ?? undefined,
    games: o.getBoolean("games") ?? undefined,
    announceEnd: o.getBoolean("announce_end") ?? undefined,
  });
  if (!parsed.success) throw optionError(parsed.error.issues);
  const { session, to, games, announceEnd, ...rest } = parsed.data;
  const filters: SubscriptionFilters = {
    ...(rest.type && { type: rest.type }),
    ...(rest.source && { source: rest.source }),
    ...(rest.dom !== undefined && { dom: rest.dom }),
  };
  return { session, filters, to, games, announceEnd };
}

export default {
  data,
  defer: "ephemeral",
  async execute(interaction, ctx) {
    const locale = resolveLocale(interaction.locale);
    const { session, filters, to, games, announceEnd } = readInput(interaction);
    const account = await requireAccount(ctx, interaction.user.id);
    const target = await resolveTarget(interaction, to);

    const subs = ctx.store.subscriptions;
    const mine = await subs.listByUser(interaction.user.id);
    const same = mine.find(
      (s) =>
        s.channelId === target.channelId &&
        s.session === session &&
        sameFilters(s.filters, filters) &&
        (s.games ?? false) === games &&
        (s.announceEnd ?? false) === announceEnd,
    );
    const where = describeTarget(target, session, locale);
    if (same && same.status === "active") {
      await interaction.editReply(t(locale, "subscriptions.alreadyHave", { id: same.id, where }));
      return;
    }
    // `/subscribe` again for a channel resumes whatever of the caller's was paused there.
    const paused = mine.filter((s) => s.channelId === target.channelId && s.status === "paused");
    if (!same) await checkLimits(ctx, mine, target);

    // Reading the newest page also proves the token works and the session is the caller's.
    const currentSession = await resolveSession(ctx.tracker, account.token, session);
    const start = await startingStateFor(ctx.tracker, account.token, currentSession);
    const gamesStart = games ? await gamesStartingStateFor(ctx, account.token, currentSession) : {};
    const now = ctx.wall().toISOString();
    const resumedIds: string[] = [];
    for (const p of paused) {
      if (p.id !== same?.id && (await resume(subs, p.id))) resumedIds.push(p.id);
    }
    let subscription: Subscription;
    if (same) {
      subscription = (await resume(subs, same.id)) ?? same;
    } else {
      subscription = {
        ...newSubscription(interaction.user.id, target, session, filters, now),
        currentSession,
        ...start,
        ...(games && { games, ...gamesStart }),
        ...(announceEnd && { announceEnd, endAnnounced: null }),
      };
      await subs.put(subscription);
    }
    ctx.logger.info(
      {
        userId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: target.channelId,
        subscriptionId: subscription.id,
        resumed: Boolean(same),
      },
      "subscription saved",
    );
    const reply = confirmation(locale, {
      subscription,
      where,
      resumed: Boolean(same),
      resumedIds,
      noActiveSession: session === null && currentSession === null,
    });
    await interaction.editReply(reply);
  },
  autocomplete: autocompleteSession,
} satisfies BotCommand;

/** The fields of a new, active subscription that do not depend on the tracker's answers. */
function newSubscription(
  userId: string,
  target: ResolvedTarget,
  session: number | null,
  filters: SubscriptionFilters,
  now: string,
) {
  return {
    id: newSubscriptionId(),
    guildId: target.guildId,
    channelId: target.channelId,
    target: target.kind,
    userId,
    session,
    filters,
    createdAt: now,
    status: "active" as const,
    pausedReason: null,
    pausedAt: null,
    lastPostAt: null,
  };
}

/** The reply to a saved subscription: what was saved or resumed, and how to stop it. */
function confirmation(
  locale: Locale,
  r: {
    subscription: Subscription;
    where: string;
    resumed: boolean;
    resumedIds: readonly string[];
    noActiveSession: boolean;
  },
): string {
  const tr = translator(locale);
  const lines = [
    tr(r.resumed ? "subscriptions.resumedSubscription" : "subscriptions.subscribed", {
      id: r.subscription.id,
      where: r.where,
    }),
  ];
  if (r.resumedIds.length > 0)
    lines.push(
      tr("subscriptions.alsoResumed", { ids: r.resumedIds.map((id) => `\`${id}\``).join(", ") }),
    );
  if (r.noActiveSession) lines.push(tr("subscriptions.noActiveSession"));
  if (r.subscription.announceEnd) lines.push(tr("card.announceOn"));
  lines.push(tr("subscriptions.howToStop"));
  return lines.join("\n");
}

/** A new subscription must fit the member's and the server's limits (resuming one always may). */
async function checkLimits(
  ctx: BotContext,
  mine: readonly Subscription[],
  target: ResolvedTarget,
): Promise<void> {
  const limits = ctx.config;
  if (mine.length >= limits.MAX_SUBSCRIPTIONS_PER_USER) {
    throw new UserError({
      key: "subscriptions.memberLimit",
      vars: { count: mine.length, max: limits.MAX_SUBSCRIPTIONS_PER_USER },
    });
  }
  // A server's limit counts what posts into the server; a DM is the member's own.
  const inGuild =
    target.kind === "channel" && target.guildId
      ? await ctx.store.subscriptions.listByGuild(target.guildId)
      : [];
  if (inGuild.length >= limits.MAX_SUBSCRIPTIONS_PER_GUILD) {
    throw new UserError({
      key: "subscriptions.guildLimit",
      vars: { count: inGuild.length, max: limits.MAX_SUBSCRIPTIONS_PER_GUILD },
    });
  }
}

/** Resuming touches the status only (atomically), so a delivery's progress is never undone. */
function resume(subs: SubscriptionStore, id: string): Promise<Subscription | undefined> {
  return subs.update(id, (fresh) =>
    fresh.status === "paused"
      ? { ...fresh, status: "active", pausedReason: null, pausedAt: null }
      : undefined,
  );
}

/** Everything the games feed has now counts as handled: only later rule changes are posted. */
async function gamesStartingStateFor(ctx: BotContext, token: string, session: number | null) {
  if (session === null) return { gamesWatermark: null, gamesSeenIds: [] };
  const page = await ctx.tracker.gamesChanges(token, { session, limit: 200, includeDiff: false });
  const state = gamesStartingState(page.items);
  return { gamesWatermark: state.gamesWatermark, gamesSeenIds: [...state.gamesSeenIds] };
}
