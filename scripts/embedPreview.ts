/**
 * A Discord embed drawn as SVG (title, fields, footer; markdown bold dropped, `<t:…>` timestamps
 * written out in UTC the way a client would show them), for the README's pictures: the same
 * embed the bot sends, through the same SVG -> PNG pipeline as /chart. Documentation only.
 */
import type { APIEmbed } from "discord.js";
import { clip, escapeXml, fontFamily } from "../src/pictures/render.js";
import { theme } from "../src/pictures/svgParts.js";

const width = 760;

/** `<t:1700000000:R>` as "in 3 days" / "5 days ago" from `now`; `:f` as a UTC date and time. */
function plain(text: string, now: number): string {
  return (
    text
      .replace(/<t:(\d+):R>/g, (_, s: string) => relative(Number(s) * 1000 - now))
      .replace(/<t:(\d+):[a-zA-Z]>/g, (_, s: string) =>
        new Date(Number(s) * 1000).toISOString().slice(0, 16).replace("T", " "),
      )
      .replace(/<#\d+>/g, "#lock-log")
      .replace(/\*\*/g, "")
      // The bundled font has no emoji: they are left out of the picture.
      .replace(/\p{Extended_Pictographic}\uFE0F?\s?/gu, "")
      .replace(/\\(.)/g, "$1")
  );
}

function relative(ms: number): string {
  const abs = Math.abs(ms);
  const [n, unit] =
    abs >= 86_400_000
      ? [Math.round(abs / 86_400_000), "day"]
      : abs >= 3_600_000
        ? [Math.round(abs / 3_600_000), "hour"]
        : [Math.max(1, Math.round(abs / 60_000)), "minute"];
  const words = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return ms >= 0 ? `in ${words}` : `${words} ago`;
}

const line = (x: number, y: number, body: string, size: number, fill: string, bold = false) =>
  `<text x="${x}" y="${y}" font-family="${fontFamily}" font-size="${size}" fill="${fill}"${bold ? ' font-weight="bold"' : ""}>${escapeXml(clip(body, 120))}</text>`;

export function embedPreviewSvg(embed: APIEmbed, now: number): string {
  const parts: string[] = [];
  let y = 34;
  if (embed.title) {
    parts.push(line(24, y, plain(embed.title, now), 16, theme.text, true));
    y += 28;
  }
  for (const text of (embed.description ?? "").split("\n").filter(Boolean)) {
    parts.push(line(24, y, plain(text, now), 13, theme.text));
    y += 22;
  }
  for (const field of embed.fields ?? []) {
    parts.push(line(24, y, plain(field.name, now), 13, theme.muted, true));
    y += 19;
    parts.push(line(24, y, plain(field.value, now), 13, theme.text));
    y += 27;
  }
  if (embed.footer?.text) {
    parts.push(line(24, y, plain(embed.footer.text, now), 11, theme.muted));
    y += 12;
  }
  const height = y + 14;
  const color = `#${(embed.color ?? 0x5865f2).toString(16).padStart(6, "0")}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" fill="${theme.background}" stroke="${theme.border}"/>`,
    `<rect x="0" y="0" width="5" height="${height}" rx="2" fill="${color}"/>`,
    ...parts,
    "</svg>",
  ].join("");
}
