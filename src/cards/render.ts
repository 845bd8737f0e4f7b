/** A card's message body: pure, from the stored card, the language and the wall-clock time. */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { formatDuration, formatSignedDuration } from "../format/duration.js";
import { discordTimestamp, escapeMarkdown, formatItemLine } from "../format/items.js";
import { type Locale, type MessageKey, translator } from "../i18n/index.js";
import type { Card, CardState } from "../store/cards.js";
import { netToday } from "./state.js";

const liveColor = 0x5865f2;
const releasedColor = 0x57f287;

export interface CardBody {
  embeds: APIEmbed[];
  allowed_mentions: { parse: [] };
}

const at = (iso: string) => new Date(iso);

function lastChangeText(state: CardState, card: Card, locale: Locale): string {
  const tr = translator(locale);
  const last = state.last;
  if (last === null) return tr("card.lastChangeNone");
  return formatItemLine(
    {
      session: card.session,
      type: last.type,
      unit: last.seconds === null ? null : Math.abs(last.seconds),
      source: last.source,
      dom: last.dom,
      schedule: null,
      happened: at(last.happened),
    },
    locale,
  );
}

function gamesText(state: CardState, locale: Locale): string {
  const tr = translator(locale);
  const names = state.games
    .filter((g) => g === "dice" || g === "link" || g === "luck")
    .map((g) => tr(`card.game${g}` as MessageKey));
  return names.length > 0 ? names.join(", ") : tr("card.gamesNone");
}

function liveFields(card: Card, locale: Locale, nowMs: number): APIEmbedField[] {
  const tr = translator(locale);
  const { state } = card;
  const { today, week } = netToday(state, nowMs);
  const fields: APIEmbedField[] = [];
  if (state.start !== null) {
    const start = at(state.start);
    const since = `${discordTimestamp(start, "f")} (${discordTimestamp(start, "R")})`;
    fields.push({ name: tr("card.lockedSince"), value: since, inline: true });
  }
  const release =
    state.schedule === null
      ? tr("card.releaseNone")
      : `${discordTimestamp(at(state.schedule), "f")} (${discordTimestamp(at(state.schedule), "R")})`;
  fields.push({ name: tr("card.release"), value: release, inline: true });
  fields.push({ name: tr("card.lastChange"), value: lastChangeText(state, card, locale) });
  fields.push({ name: tr("card.today"), value: formatSignedDuration(today, locale), inline: true });
  fields.push({ name: tr("card.week"), value: formatSignedDuration(week, locale), inline: true });
  fields.push({ name: tr("card.games"), value: gamesText(state, locale), inline: true });
  return fields;
}

function releasedFields(card: Card, locale: Locale): APIEmbedField[] {
  const tr = translator(locale);
  const { state } = card;
  const fields: APIEmbedField[] = [];
  const end = state.endedAt === null ? undefined : at(state.endedAt);
  if (state.start !== null && end !== undefined) {
    const seconds = (end.getTime() - at(state.start).getTime()) / 1000;
    fields.push({
      name: tr("card.lockedFor"),
      value: formatDuration(seconds, locale),
      inline: true,
    });
  }
  if (end !== undefined)
    fields.push({ name: tr("card.releasedAt"), value: discordTimestamp(end, "f"), inline: true });
  fields.push({ name: tr("card.lastChange"), value: lastChangeText(state, card, locale) });
  return fields;
}

/** The card as it reads now: live, or released with its final totals. */
export function cardBody(card: Card, locale: Locale, nowMs: number): CardBody {
  const tr = translator(locale);
  const released = card.state.endedAt !== null;
  const vars = { nick: escapeMarkdown(card.nick), session: card.session };
  const totals = `+${formatDuration(card.state.added, locale)} / -${formatDuration(card.state.removed, locale)}`;
  const embed: APIEmbed = {
    title: tr(released ? "card.titleReleased" : "card.title", vars),
    color: released ? releasedColor : liveColor,
    fields: [
      ...(released ? releasedFields(card, locale) : liveFields(card, locale, nowMs)),
      { name: tr("card.totals"), value: totals },
    ],
    footer: { text: tr(released ? "card.footerReleased" : "card.footerLive") },
  };
  return { embeds: [embed], allowed_mentions: { parse: [] } };
}

/** What a card turns into when its member unlinks. */
export function unsharedBody(locale: Locale): CardBody {
  return {
    embeds: [{ description: translator(locale)("card.noLongerShared") }],
    allowed_mentions: { parse: [] },
  };
}
