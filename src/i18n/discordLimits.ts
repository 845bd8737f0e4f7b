/**
 * Which texts go into which Discord field, and that field's length limit
 * (Discord refuses the whole message or registration when one is over).
 * The `commands` namespace by its convention (src/discord/localizeCommand.ts);
 * the others by this list of the keys the code puts into embeds and components
 * (a `*` matches the rest of a key). Lengths count UTF-16 code units as Discord
 * does, and are measured on the text as written, `{{placeholders}}` included: the
 * code cuts the values it fills in (a nick to 60 characters, ...).
 */
import { pluralOf } from "./keys.js";

export interface Limit {
  field: string;
  min: number;
  max: number;
}

const description: Limit = { field: "command or option description", min: 1, max: 100 };
const choiceName: Limit = { field: "choice name", min: 1, max: 100 };

const byKey: readonly (Limit & { keys: readonly string[] })[] = [
  {
    field: "embed title",
    min: 1,
    max: 256,
    keys: [
      "chart.embedTitle",
      "delivery.title",
      "delivery.titleWithNick",
      "games.viewTitle",
      "histories.title",
      "histories.titleWithNick",
      "play.panelTitle",
      "roles.showTitle",
    ],
  },
  {
    field: "embed field name",
    min: 1,
    max: 256,
    keys: [
      "histories.netTitle",
      "stats.lockStart",
      "stats.scheduledEnd",
      "stats.currentLockTime",
      "stats.totalLocked",
      "stats.lastEvents",
    ],
  },
  {
    field: "embed field value",
    min: 1,
    max: 1024,
    keys: ["histories.net", "histories.netNone", "stats.noScheduledEnd", "stats.totalSince"],
  },
  {
    field: "button label",
    min: 1,
    max: 80,
    keys: ["histories.newer", "histories.older", "play.button*", "play.pasteButton"],
  },
  { field: "modal title", min: 1, max: 45, keys: ["link.modalTitle", "play.pasteTitle"] },
  { field: "text input label", min: 1, max: 45, keys: ["link.tokenLabel", "play.pasteLabel"] },
  { field: "text input placeholder", min: 0, max: 100, keys: ["link.tokenPlaceholder"] },
];

const matches = (pattern: string, key: string) =>
  pattern.endsWith("*") ? key.startsWith(pattern.slice(0, -1)) : key === pattern;

/** Every key pattern of the list (`npm run i18n:check` says when one matches no English text). */
export const limitedKeys = (): string[] => byKey.flatMap((limit) => [...limit.keys]);

export const matchesLimitedKey = (pattern: string, namespace: string, key: string) =>
  matches(pattern, `${namespace}.${pluralOf(key).base}`);

/** The Discord field `namespace`'s `key` goes into, if any has a length limit. */
export function limitFor(namespace: string, key: string): Limit | undefined {
  if (namespace === "commands") return key.endsWith(".description") ? description : choiceName;
  const full = `${namespace}.${pluralOf(key).base}`;
  return byKey.find((limit) => limit.keys.some((pattern) => matches(pattern, full)));
}

/**
 * The command, subcommand and option names a `commands` key is made of
 * (`histories.type.ADD` → `histories`, `type`; the last part is `description` or a
 * choice's value). Names are never translated (they are what members type), so these
 * are the registered names themselves: 1-32 lowercase characters, no spaces.
 */
export function commandNamesOf(key: string): string[] {
  return key.split(".").slice(0, -1);
}

export const commandName = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}]{1,32}$/u;
