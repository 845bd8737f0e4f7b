/** Reading a typed slash command: `/roles set locked:@Locked`, `/histories session:100 public:true`. */
import type { APIApplicationCommand, APIApplicationCommandOption } from "discord.js";
import type { OptionValue } from "../discord/index.js";

/** Splits on spaces; "double quotes" keep spaces inside a value (`from:"2026-02-01 18:30"`). */
export function words(line: string): string[] {
  const found: string[] = [];
  for (const match of line.matchAll(/(?:[^\s"]+|"[^"]*")+/g)) {
    found.push(match[0].replace(/"/g, ""));
  }
  return found;
}

export interface ParsedCommand {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options: Record<string, OptionValue>;
}

/** Option types of Discord's API: 1 subcommand, 2 group, 3 string, 4 integer, 5 boolean, ... */
const SUB = 1;
const GROUP = 2;

export function parseCommand(
  line: string,
  registered: readonly APIApplicationCommand[],
  idByName: (name: string) => string | undefined,
): ParsedCommand {
  const [head = "", ...rest] = words(line);
  const name = head.replace(/^\//, "");
  const command = registered.find((c) => c.name === name);
  if (!command) {
    const known = registered.map((c) => `/${c.name}`).join(" ");
    throw new Error(`no command /${name}; registered: ${known}`);
  }
  const parsed: ParsedCommand = { name, options: {} };
  let defs: readonly APIApplicationCommandOption[] = command.options ?? [];
  for (const word of rest) {
    const colon = word.indexOf(":");
    if (colon < 0) {
      const sub = defs.find((o) => o.name === word && (o.type === SUB || o.type === GROUP));
      if (!sub) throw new Error(`/${name} has no subcommand "${word}" here; options are key:value`);
      if (sub.type === GROUP) parsed.subcommandGroup = word;
      else parsed.subcommand = word;
      defs = "options" in sub ? (sub.options ?? []) : [];
      continue;
    }
    const key = word.slice(0, colon);
    const raw = word.slice(colon + 1);
    const def = defs.find((o) => o.name === key);
    if (!def) {
      const names = defs.map((o) => o.name).join(", ") || "none";
      throw new Error(`/${name} has no option "${key}" (options: ${names})`);
    }
    parsed.options[key] = coerce(def.type, raw, idByName);
  }
  return parsed;
}

function coerce(
  type: number,
  raw: string,
  idByName: (name: string) => string | undefined,
): OptionValue {
  if (type === 4 || type === 10) {
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`"${raw}" is not a number`);
    return value;
  }
  if (type === 5) {
    // Discord's clients take True, true, TRUE alike (they show True/False to pick from).
    const word = raw.toLowerCase();
    if (word !== "true" && word !== "false") throw new Error(`"${raw}" is not true or false`);
    return word === "true";
  }
  if (type === 6 || type === 7 || type === 8 || type === 9) {
    const label = raw.replace(/^[#@]/, "").toLowerCase();
    const id = /^\d+$/.test(label) ? label : idByName(label);
    if (!id) throw new Error(`nothing named "${raw}" here`);
    return id;
  }
  return raw;
}
