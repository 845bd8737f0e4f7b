/** The vote panel as a Discord message body (pure): an embed and one row of buttons. */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import { formatDuration, formatSignedDuration } from "../format/duration.js";
import { discordTimestamp } from "../format/items.js";
import { inert } from "../format/untrusted.js";
import { type Locale, type MessageKey, translator } from "../i18n/index.js";
import type { PlayAttempt, VotePanel } from "../store/plays.js";
import type { PanelClosedReason } from "../store/playSchemas.js";
import type { VoteType } from "../tracker/play.js";

const tallyWindowMs = 24 * 60 * 60_000;
const openColor = 0x5865f2;
const closedColor = 0x99aab5;

export interface Tally {
  votes: number;
  /** Signed seconds of the counted votes. */
  netSeconds: number;
}

/** Votes that counted (the tracker answered with a result) within the last 24 h. */
export function tallyOf(votes: readonly PlayAttempt[], nowMs: number): Tally {
  const since = new Date(nowMs - tallyWindowMs).toISOString();
  const counted = votes.filter((v) => v.state === "done" && v.createdAt >= since);
  return {
    votes: counted.length,
    netSeconds: counted.reduce((sum, v) => sum + (v.seconds ?? 0), 0),
  };
}

const voteButtonId = (panelId: string, type: VoteType) => `votes:v:${panelId}:${type}`;
const closeButtonId = (panelId: string) => `votes:close:${panelId}`;

const buttonKeys = {
  add: "play.buttonAdd",
  sub: "play.buttonSub",
  rand: "play.buttonRand",
} as const satisfies Record<VoteType, MessageKey>;

const closedKeys = {
  owner: "play.closedOwner",
  ended: "play.closedEnded",
  token: "play.closedToken",
  disabled: "play.closedDisabled",
  unlinked: "play.closedUnlinked",
} as const satisfies Record<PanelClosedReason, MessageKey>;

export interface PanelBody {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowed_mentions: { parse: [] };
}

export function panelBody(
  panel: VotePanel,
  tally: Tally,
  locale: Locale,
  cooldownMinutes: number,
): PanelBody {
  const tr = translator(locale);
  const release = panel.scheduledEnd
    ? tr("play.panelRelease", { relative: discordTimestamp(new Date(panel.scheduledEnd), "R") })
    : tr("play.panelNoRelease");
  const lines = [
    `${tr("play.panelSession", { session: panel.session })} · ${release}`,
    tr("play.panelTally", {
      count: tally.votes,
      net: formatSignedDuration(tally.netSeconds, locale),
    }),
  ];
  const open = panel.status === "open";
  lines.push(
    open
      ? tr("play.panelHow", { cooldown: formatDuration(cooldownMinutes * 60, locale) })
      : tr(closedKeys[panel.closedReason ?? "owner"]),
  );
  const embed: APIEmbed = {
    title: tr("play.panelTitle", { nick: inert(panel.nick, 60) }),
    description: lines.join("\n"),
    color: open ? openColor : closedColor,
  };
  const buttons: APIButtonComponent[] = [
    ...panel.types.map(
      (type): APIButtonComponent => ({
        type: ComponentType.Button,
        style: type === "sub" ? ButtonStyle.Success : ButtonStyle.Primary,
        label: tr(buttonKeys[type]),
        custom_id: voteButtonId(panel.id, type),
      }),
    ),
    {
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: tr("play.buttonClose"),
      custom_id: closeButtonId(panel.id),
    },
  ];
  return {
    embeds: [embed],
    components: open ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
    allowed_mentions: { parse: [] },
  };
}
