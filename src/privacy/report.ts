/** Builds the /privacy answer: the sections in plain words, and the same as a JSON file. */
import { joinLinesWithin } from "../format/historiesEmbed.js";
import { type Locale, translator } from "../i18n/index.js";
import { privacySections } from "./moreSections.js";
import type { PrivacySection, PrivacySource } from "./sections.js";

export interface PrivacyReport {
  /** What the member reads, at most `maxLength` characters, ending with how to erase it all. */
  text: string;
  /** The export: every section's records under its key. */
  json: Record<string, unknown>;
  fileName: string;
}

export async function buildPrivacyReport(options: {
  userId: string;
  source: PrivacySource;
  locale: Locale;
  now: Date;
  /** Discord's limit for message content. */
  maxLength?: number;
  sections?: readonly PrivacySection<unknown>[];
}): Promise<PrivacyReport> {
  const { userId, source, locale, now } = options;
  const sections = options.sections ?? privacySections;
  const tr = translator(locale);
  const collected = await Promise.all(
    sections.map(async (s) => [s, await s.collect(userId, source)] as const),
  );
  const json: Record<string, unknown> = { userId, generatedAt: now.toISOString() };
  const lines = [tr("privacy.title")];
  for (const [section, data] of collected) {
    json[section.key] = data;
    lines.push(...section.describe(data, locale, source));
  }
  const footer = [tr("privacy.eraseHeading"), tr("privacy.erase"), tr("privacy.revoke")].join("\n");
  const max = (options.maxLength ?? 2000) - footer.length - 2;
  return {
    text: `${joinLinesWithin(lines, max, tr)}\n\n${footer}`,
    json,
    fileName: `privacy-${now.toISOString().slice(0, 10)}.json`,
  };
}
