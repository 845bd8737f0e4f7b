/**
 * Packs one poll tick's new lines for one channel into as few Discord
 * messages as the embed limits allow (fewer messages: fewer rate-limited
 * requests and less channel noise). Small groups share embeds as fields, so
 * the 10-embeds-per-message cap rarely binds before the 6000-character total.
 */
import type { APIEmbed, APIEmbedField } from "discord.js";
import { type Locale, t } from "../i18n/index.js";
import { embedLimits, truncate } from "./historiesEmbed.js";
import { escapeMarkdown } from "./items.js";

export interface DeliveryGroup {
  userId: string;
  nick?: string | undefined;
  session: number;
  /**
   * One line per item of every feed of this member and session (src/feeds/group.ts), oldest
   * first: a channel reads top to bottom in the order things happened.
   */
  lines: readonly string[];
}

export interface DeliveryMessage {
  embeds: APIEmbed[];
}

/**
 * No real item line comes near this; the cap only guarantees that any single
 * line, with a title and the mention, always fits in a fresh embed.
 */
const maxLineLength = 1024;

/**
 * What Discord counts towards the 6000-character message total. Lengths are
 * UTF-16 units, which is never less than what Discord counts, so we may pack
 * a little early but never get a message rejected.
 */
export function embedTextLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** `<nick> · session 123`; a continuation keeps its suffix even when a long nick is cut. */
export function deliveryTitle(
  group: Pick<DeliveryGroup, "nick" | "session">,
  continued = false,
  locale: Locale = "en",
): string {
  const { session } = group;
  const base =
    group.nick === undefined || group.nick === ""
      ? t(locale, "delivery.title", { session })
      : t(locale, "delivery.titleWithNick", { nick: escapeMarkdown(group.nick), session });
  if (!continued) return truncate(base, embedLimits.title);
  const suffix = ` ${t(locale, "delivery.continued")}`;
  return `${truncate(base, embedLimits.title - suffix.length)}${suffix}`;
}

/**
 * Packs the groups in order, greedily: each unit goes into the current
 * message if the message still has room, else into a new one.
 *
 * - A group whose block (mention line, then its item lines) fits in a field
 *   value becomes one FIELD of a shared embed: name = `deliveryTitle`, value =
 *   the block. Consecutive small groups share an embed (up to 25 fields), so a
 *   message holds far more than 10 of them. A group is never split across
 *   fields.
 * - A bigger group gets its own embed(s), line by line as before: title and
 *   description (the same block), then "(continued)" embeds in the same or
 *   later messages, split only at line boundaries.
 * - A shared embed that ends up with a single field is posted as a plain
 *   titled embed instead (same characters, same embed count), so a lone small
 *   group looks exactly like a big group's first embed.
 *
 * The mention is always the first line of a group's block, in a field value
 * or a description alike; Discord renders mentions in both (not in titles or
 * field names). Each unit is added the cheapest way (a line joins the open
 * embed, a small group joins the open shared embed) and a message only ends
 * when the next unit does not fit, so the count stays at or next to the
 * minimum for this fixed order (60 one-line groups: 2 messages, not 6).
 */
export function buildDeliveryMessages(
  groups: readonly DeliveryGroup[],
  /** The language of the channel (postLocale); English when not given. */
  locale: Locale = "en",
): DeliveryMessage[] {
  const messages: DeliveryMessage[] = [];
  let current: DeliveryMessage = { embeds: [] };
  let currentTotal = 0;
  /** The shared embed small groups join; always the last embed of `current` while set. */
  let shared: (APIEmbed & { fields: APIEmbedField[] }) | undefined;

  /** Adds an embed of `size` characters, to a new message if this one is full. */
  const pushEmbed = <E extends APIEmbed>(embed: E, size: number): E => {
    if (
      current.embeds.length >= embedLimits.perMessage ||
      currentTotal + size > embedLimits.total
    ) {
      messages.push(current);
      current = { embeds: [] };
      currentTotal = 0;
    }
    current.embeds.push(embed);
    currentTotal += size;
    return embed;
  };

  const openEmbed = (title: string, description: string): APIEmbed => {
    shared = undefined;
    return pushEmbed({ title, description }, title.length + description.length);
  };

  const addField = (name: string, value: string): void => {
    const size = name.length + value.length;
    if (
      shared !== undefined &&
      shared.fields.length < embedLimits.fields &&
      currentTotal + size <= embedLimits.total
    ) {
      shared.fields.push({ name, value });
      currentTotal += size;
      return;
    }
    shared = pushEmbed({ fields: [{ name, value }] }, size);
  };

  for (const group of groups) {
    const lines = group.lines.map((line) => truncate(line, maxLineLength));
    if (lines.length === 0) continue;
    // Allowed mentions are off client-wide, so this names the member without pinging them.
    const mention = `<@${group.userId}>`;
    const block = [mention, ...lines].join("\n");
    if (block.length <= embedLimits.fieldValue) {
      addField(deliveryTitle(group, false, locale), block);
      continue;
    }
    let embed: APIEmbed | undefined;
    for (const line of lines) {
      const description = embed?.description ?? "";
      const added = 1 + line.length;
      if (
        embed !== undefined &&
        description.length + added <= embedLimits.description &&
        currentTotal + added <= embedLimits.total
      ) {
        embed.description = `${description}\n${line}`;
        currentTotal += added;
        continue;
      }
      embed =
        embed === undefined
          ? openEmbed(deliveryTitle(group, false, locale), `${mention}\n${line}`)
          : openEmbed(deliveryTitle(group, true, locale), line);
    }
  }
  if (current.embeds.length > 0) messages.push(current);
  return messages.map((message) => ({ embeds: message.embeds.map(soloFieldAsEmbed) }));
}

/** A shared embed holding one group only reads better as that group's own titled embed. */
function soloFieldAsEmbed(embed: APIEmbed): APIEmbed {
  const [only, ...rest] = embed.fields ?? [];
  if (only === undefined || rest.length > 0 || embed.title !== undefined) return embed;
  return { title: only.name, description: only.value };
}
