/**
 * Text that people typed into the tracker (nicks, game-rule labels and values) made inert for
 * Discord: one line, no Markdown, no mentions, no links, no invisible layout tricks, and never
 * longer than asked. Everything such text passes through on its way into a message goes here.
 */
import { escapeMarkdown } from "./items.js";

/** C0/C1 controls, zero-width and bidirectional controls, line and paragraph separators. */
const invisible =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const zeroWidthSpace = "\u200b";

/**
 * One line of plain text, at most `max` characters before escaping (an ellipsis marks a cut):
 * - control and invisible characters become spaces (no new lines, no bidi reordering);
 * - Markdown is backslash-escaped, and with it `[`/`]` (masked links) and `<` (user, role,
 *   channel mentions, custom emoji, timestamps);
 * - `@everyone`/`@here` get a zero-width space after the `@`;
 * - `scheme://` gets one after the colon, so no link is detected (and none embeds a preview).
 * The result may be up to twice `max` long (escapes); callers budget for that.
 */
export function inert(text: string, max: number): string {
  const flat = text.replace(invisible, " ").replace(/\s+/g, " ").trim();
  const cut = cutAt(flat, max);
  return escapeMarkdown(cut)
    .replace(/@(everyone|here)/gi, `@${zeroWidthSpace}$1`)
    .replace(/([a-z][a-z0-9+.-]*):\/\//gi, `$1:${zeroWidthSpace}//`);
}

/** At most `max` characters, the last an ellipsis when cut; never half a surrogate pair. */
export function cutAt(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}
