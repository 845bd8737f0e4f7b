import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import type { BotCommand, BotContext } from "../src/botContext.js";
import { requireAccount } from "../src/discord/accounts.js";
import { serverAndBotDm } from "../src/discord/installs.js";
import { postableChannelTypes } from "../src/discord/permissions.js";
import { autocompleteSession } from "../src/discord/sessionAutocomplete.js";
import { type Locale, resolveLocale, t, translator } from "../src/i18n/index.js";
import type { Subscription, SubscriptionFilters } from "../src/store/types.js";
import { createSubscriptionService } from "../src/subscriptions/service.js";
import { describeTarget, resolveTarget } from "../src/subscriptions/target.js";
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
    const outcome = await subscriptionsOf(ctx).subscribe({
      userId: interaction.user.id,
      token: account.token,
      target,
      session,
      filters,
      games,
      announceEnd,
    });
    const where = describeTarget(target, session, locale);
    const { id } = outcome.subscription;
    await interaction.editReply(
      outcome.kind === "alreadyActive"
        ? t(locale, "subscriptions.alreadyHave", { id, where })
        : confirmation(locale, { ...outcome, where }),
    );
  },
  autocomplete: autocompleteSession,
} satisfies BotCommand;

const subscriptionsOf = (ctx: BotContext) =>
  createSubscriptionService({
    subscriptions: ctx.store.subscriptions,
    tracker: ctx.tracker,
    limits: ctx.config,
    logger: ctx.logger,
    wall: ctx.wall,
  });

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
