/**
 * Discord messages as plain text for the try-out prompt: content, embeds (title, fields,
 * footer), buttons by label, attachments saved to a folder. Discord's markup is made
 * readable: `<t:…>` timestamps as UTC dates, `<@id>` mentions as @name.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { APIEmbed, APIMessage } from "discord.js";
import type { RecordedFile } from "../discord/index.js";

export interface RenderContext {
  /** User, channel and role names by id, for mentions. */
  names: Map<string, string>;
  /** Where attachments are written. */
  attachmentsDir: string;
  /** The uploaded bytes of an attachment, found by file name and size. */
  fileData(filename: string, size: number): Buffer | undefined;
}

export function readable(text: string, ctx: RenderContext): string {
  return text
    .replace(/<t:(\d+)(?::([a-zA-Z]))?>/g, (_, seconds: string, style?: string) => {
      const date = new Date(Number(seconds) * 1000);
      const iso = date.toISOString().replace("T", " ").slice(0, 16);
      return style === "R" ? relative(date) : `${iso} UTC`;
    })
    .replace(/<@!?(\d+)>/g, (_, id: string) => `@${ctx.names.get(id) ?? id}`)
    .replace(/<#(\d+)>/g, (_, id: string) => `#${ctx.names.get(id) ?? id}`)
    .replace(/<@&(\d+)>/g, (_, id: string) => `@${ctx.names.get(id) ?? id}`);
}

function relative(date: Date): string {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const abs = Math.abs(seconds);
  const [n, unit] =
    abs < 90
      ? [abs, "s"]
      : abs < 5400
        ? [Math.round(abs / 60), "min"]
        : abs < 129_600
          ? [Math.round(abs / 3600), "h"]
          : [Math.round(abs / 86_400), "d"];
  return seconds >= 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

function embedLines(embed: APIEmbed, ctx: RenderContext): string[] {
  const lines: string[] = [];
  const text = (value: string) => readable(value, ctx);
  if (embed.author?.name) lines.push(text(embed.author.name));
  if (embed.title) lines.push(`**${text(embed.title)}**`);
  if (embed.description) lines.push(...text(embed.description).split("\n"));
  for (const field of embed.fields ?? []) {
    lines.push(`${text(field.name)}: ${text(field.value).replace(/\n/g, "\n  ")}`);
  }
  if (embed.image?.url) lines.push(`[picture ${embed.image.url}]`);
  if (embed.footer?.text) lines.push(`— ${text(embed.footer.text)}`);
  return ["┌─ embed", ...lines.map((line) => `│ ${line}`), "└─"];
}

/** Button labels of a message, by row: `[Older] [Newer (disabled)]`. */
export function buttonsOf(message: APIMessage): { label: string; customId: string }[] {
  const found: { label: string; customId: string }[] = [];
  const visit = (components: unknown[] | undefined) => {
    for (const raw of components ?? []) {
      const c = raw as { type?: number; label?: string; custom_id?: string; disabled?: boolean };
      if (c.type === 2 && c.custom_id && !c.disabled) {
        found.push({ label: c.label ?? c.custom_id, customId: c.custom_id });
      }
      visit((raw as { components?: unknown[] }).components);
    }
  };
  visit(message.components);
  return found;
}

export function renderMessage(message: APIMessage, ctx: RenderContext): string[] {
  const lines: string[] = [];
  if (message.content) lines.push(...readable(message.content, ctx).split("\n"));
  for (const embed of message.embeds ?? []) lines.push(...embedLines(embed, ctx));
  for (const attachment of message.attachments ?? []) {
    const data = ctx.fileData(attachment.filename, attachment.size);
    const alt = attachment.description ? ` (alt text: ${attachment.description})` : "";
    if (!data) {
      lines.push(`[attachment ${attachment.filename}${alt}]`);
      continue;
    }
    mkdirSync(ctx.attachmentsDir, { recursive: true });
    const file = path.join(ctx.attachmentsDir, `${message.id}-${attachment.filename}`);
    writeFileSync(file, data);
    lines.push(`[attachment saved to ${path.relative(process.cwd(), file)}${alt}]`);
  }
  const buttons = buttonsOf(message);
  if (buttons.length > 0) lines.push(`buttons: ${buttons.map((b) => `[${b.label}]`).join(" ")}`);
  return lines.length > 0 ? lines : ["(empty message)"];
}

/** The uploaded bytes in the fake's request log, newest first. */
export function fileFinder(
  requests: readonly { files: RecordedFile[] }[],
): (name: string, size: number) => Buffer | undefined {
  return (name, size) => {
    for (let i = requests.length - 1; i >= 0; i -= 1) {
      const file = requests[i]!.files.find((f) => f.name === name && f.size === size);
      if (file) return file.data;
    }
    return undefined;
  };
}
