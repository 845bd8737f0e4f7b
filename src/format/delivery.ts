/**
 * Packs one poll cycle's new items for one channel into as few Discord
 * messages as the embed limits allow (fewer messages: fewer rate-limited
 * requests and less channel noise).
 */
import type { APIEmbed } from "discord.js";
import type { HistoryItem } from "../tracker/types.js";
import { embedLimits, truncate } from "./historiesEmbed.js";
import { escapeMarkdown, formatItemLine } from "./items.js";

export interface DeliveryGroup {
  userId: string;
  nick?: string | undefined;
  session: number;
  /** Oldest first: a channel reads top to bottom in the order things happened. */
  items: readonly HistoryItem[];
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

const continuedSuffix = " (continued)";

/** `<nick> · session 123`; a continuation keeps its suffix even when a long nick is cut. */
export function deliveryTitle(
  group: Pick<DeliveryGroup, "nick" | "session">,
  continued = false,
): string {
  const base =
    group.nick === undefined || group.nick === ""
      ? `Session ${group.session}`
      : `${escapeMarkdown(group.nick)} · session ${group.session}`;
  if (!continued) return truncate(base, embedLimits.title);
  return `${truncate(base, embedLimits.title - continuedSuffix.length)}${continuedSuffix}`;
}

/**
 * Greedy, line by line: each line goes into the current embed if the embed
 * and the message still have room, else a continuation embed in the same
 * message, else a new message. Filling every message as far as it goes gives
 * the fewest messages for a fixed order of atomic lines, and a group is only
 * ever split at a line boundary.
 */
export function buildDeliveryMessages(groups: readonly DeliveryGroup[]): DeliveryMessage[] {
  const messages: DeliveryMessage[] = [];
  let current: DeliveryMessage = { embeds: [] };
  let currentTotal = 0;

  const openEmbed = (title: string, description: string): APIEmbed => {
    const size = title.length + description.length;
    if (
      current.embeds.length >= embedLimits.perMessage ||
      currentTotal + size > embedLimits.total
    ) {
      messages.push(current);
      current = { embeds: [] };
      currentTotal = 0;
    }
    const embed: APIEmbed = { title, description };
    current.embeds.push(embed);
    currentTotal += size;
    return embed;
  };

  for (const group of groups) {
    if (group.items.length === 0) continue;
    // Allowed mentions are off client-wide, so this names the member without pinging them.
    const mention = `<@${group.userId}>`;
    let embed: APIEmbed | undefined;
    let opened = false;
    for (const item of group.items) {
      const line = truncate(formatItemLine(item), maxLineLength);
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
      embed = opened
        ? openEmbed(deliveryTitle(group, true), line)
        : openEmbed(deliveryTitle(group), `${mention}\n${line}`);
      opened = true;
    }
  }
  if (current.embeds.length > 0) messages.push(current);
  return messages;
}
