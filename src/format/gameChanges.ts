/**
 * One line per game-rule change, e.g.
 * `🎲 Dice rules changed by Mistress: waiting time 1 h → 2 h; dice 2 → 3 · <t:…:R>`.
 * Labels, values and the dom's nick are untrusted (see untrusted.ts); the line as a whole
 * never passes `gameLineLimit`, so it fits an embed field or description line.
 */
import type { Translate } from "../i18n/index.js";
import type { GameChange, GameChangeDiff, GameKind } from "../tracker/games.js";
import { discordTimestamp } from "./items.js";
import { cutAt, inert } from "./untrusted.js";

export const gameEmoji: Record<GameKind, string> = { DICE: "🎲", LINK: "🔗", LUCK: "🍀" };

/** The longest line: well inside a field value (1024), leaving room for a mention line. */
export const gameLineLimit = 900;
const nickLimit = 64;
const labelLimit = 80;
const valueLimit = 80;
const maxDiffs = 8;

const gameKey = { DICE: "games.dice", LINK: "games.link", LUCK: "games.luck" } as const;
const headKey = {
  INSERT: ["games.insert", "games.insertBy"],
  UPDATE: ["games.update", "games.updateBy"],
  DELETE: ["games.delete", "games.deleteBy"],
} as const;

/** `waiting time 1 h → 2 h`; INSERT shows the new value only, DELETE the old one. */
export function formatDiff(diff: GameChangeDiff, action: GameChange["action"]): string {
  const label = inert(diff.label, labelLimit);
  const from = diff.from === null ? null : inert(diff.from, valueLimit);
  const to = diff.to === null ? null : inert(diff.to, valueLimit);
  if (action === "INSERT" || from === null) return to === null ? label : `${label} ${to}`;
  if (action === "DELETE" || to === null) return `${label} ${from}`;
  return `${label} ${from} → ${to}`;
}

export function formatGameChangeLine(change: GameChange, tr: Translate): string {
  const game = tr(gameKey[change.game]);
  const [plain, withNick] = headKey[change.action];
  const head =
    change.domNick === null
      ? tr(plain, { game })
      : tr(withNick, { game, nick: `**${inert(change.domNick, nickLimit)}**` });
  const when = ` · ${discordTimestamp(change.happened, "R")}`;
  const diffs = change.changes.slice(0, maxDiffs).map((d) => formatDiff(d, change.action));
  if (change.changes.length > maxDiffs) diffs.push(`+${change.changes.length - maxDiffs}`);
  const body = diffs.length > 0 ? `: ${diffs.join("; ")}` : "";
  // Cutting the body keeps the head and the time; a cut escape only loses its own character.
  const prefix = `${gameEmoji[change.game]} ${head}`;
  return `${prefix}${cutAt(body, gameLineLimit - prefix.length - when.length)}${when}`;
}
