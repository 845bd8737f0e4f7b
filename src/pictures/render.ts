/**
 * SVG to PNG with resvg (Rust, through prebuilt N-API binaries). `renderAsync`
 * runs on libuv's thread pool, so a chart being drawn never blocks the event
 * loop. Only the bundled DejaVu Sans is loaded: system fonts are never read,
 * so the picture is the same on a bare Debian slim image as on a desktop, and
 * the same SVG always gives the same pixels.
 */
import { createRequire } from "node:module";
import { type APIEmbed, AttachmentBuilder } from "discord.js";
import { createLimiter } from "../util/limit.js";

const require = createRequire(import.meta.url);

export const fontFamily = "DejaVu Sans";

/** DejaVu Sans (Bitstream Vera licence, see node_modules/dejavu-fonts-ttf/LICENSE). */
export const bundledFontFiles: readonly string[] = [
  require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
];

export interface RenderOptions {
  /** Pixels per SVG unit; the SVGs are laid out at Discord's display size. */
  scale?: number;
  /** For tests: which font files to load instead of the bundled ones. */
  fontFiles?: readonly string[];
}

/**
 * Renders at most this many pictures at once. They run on libuv's thread pool
 * (4 threads), which SQLite's queries share: a burst of /chart calls must not
 * take all of it, nor both cores from the event loop.
 */
export const maxConcurrentRenders = 2;
const withRenderSlot = createLimiter(maxConcurrentRenders);

export function svgToPng(svg: string, options: RenderOptions = {}): Promise<Buffer> {
  return withRenderSlot(() => render(svg, options));
}

export interface PictureMessage {
  embeds: APIEmbed[];
  files: AttachmentBuilder[];
}

/** One embed showing one rendered picture, with its alt text as the attachment description. */
export async function pictureMessage(
  svg: string,
  name: string,
  altText: string,
  embed: APIEmbed,
): Promise<PictureMessage> {
  const file = new AttachmentBuilder(await svgToPng(svg), { name, description: altText });
  return { embeds: [embed], files: [file] };
}

/**
 * resvg's native engine is loaded by the first picture, not at start: most of the time the bot
 * only polls, and the addon costs several MB of memory from the moment it is loaded.
 */
let engine: Promise<typeof import("@resvg/resvg-js")> | undefined;

async function render(svg: string, options: RenderOptions): Promise<Buffer> {
  // A failed load (a broken install) is tried again by the next picture, not cached.
  engine ??= import("@resvg/resvg-js").catch((err: unknown) => {
    engine = undefined;
    throw err;
  });
  const { renderAsync } = await engine;
  const image = await renderAsync(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [...(options.fontFiles ?? bundledFontFiles)],
      defaultFontFamily: fontFamily,
      sansSerifFamily: fontFamily,
    },
    fitTo: { mode: "zoom", value: options.scale ?? 1 },
    logLevel: "off",
  });
  return image.asPng();
}

/** Text as SVG character data: untrusted nicks cannot inject markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Cuts text to about `max` characters with an ellipsis, and drops control
 * characters and bidi overrides that could reorder the rest of a line.
 */
export function clip(text: string, max: number): string {
  const clean = text.replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, "").trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join("")}…`;
}
