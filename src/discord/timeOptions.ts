/**
 * The `from`/`to` options of /histories and /chart: parsed with
 * parseTimeInput, checked against each other, errors the member can fix.
 */
import type { ChatInputCommandInteraction } from "discord.js";
import { parseTimeInput } from "../format/timeInput.js";
import { UserError } from "./errors.js";

export interface TimeWindow {
  from: Date | undefined;
  to: Date | undefined;
}

export function readTimeWindow(
  options: ChatInputCommandInteraction["options"],
  now: Date,
): TimeWindow {
  const from = readTime(options.getString("from"), "from", now);
  const to = readTime(options.getString("to"), "to", now);
  if (from && to && from > to) {
    throw new UserError({ key: "time.fromAfterTo" });
  }
  return { from, to };
}

function readTime(value: string | null, name: string, now: Date): Date | undefined {
  if (value === null || value.trim() === "") return undefined;
  const result = parseTimeInput(value, now);
  if (!result.ok)
    throw new UserError({ key: "time.notADate", vars: { name, value: value.slice(0, 40) } });
  // A bare day as `to` means the whole of that day, not its first second.
  if (name === "to" && /^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value))
    return new Date(result.date.getTime() + 86_399_000);
  return result.date;
}
