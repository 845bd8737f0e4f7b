import { describe, expect, it } from "vitest";
import {
  type Catalog,
  catalogs,
  locales,
  localizations,
  resolveLocale,
  t,
} from "../../src/i18n/index.js";

const en = catalogs.en as Catalog;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

describe("catalogues", () => {
  for (const locale of locales.filter((l) => l !== "en")) {
    describe(locale, () => {
      const catalog = catalogs[locale] as Record<string, Record<string, string> | undefined>;
      it("has every area and key of en, and none that en lacks", () => {
        const missing: string[] = [];
        const extra: string[] = [];
        for (const [area, keys] of Object.entries(en)) {
          for (const key of Object.keys(keys)) {
            // A language may need other plural forms than English (one/other): any form of the base counts.
            const base = key.replace(pluralSuffix, "");
            const theirs = Object.keys(catalog[area] ?? {});
            const has = pluralSuffix.test(key)
              ? theirs.some((k) => k.replace(pluralSuffix, "") === base)
              : theirs.includes(key);
            if (!has) missing.push(`${area}.${key}`);
          }
        }
        for (const [area, keys] of Object.entries(catalog)) {
          const ours = en[area as keyof Catalog] as Record<string, string> | undefined;
          for (const key of Object.keys(keys ?? {})) {
            const base = key.replace(pluralSuffix, "");
            const known = Object.keys(ours ?? {}).some((k) => k.replace(pluralSuffix, "") === base);
            if (!known) extra.push(`${area}.${key}`);
          }
        }
        expect(missing).toEqual([]);
        expect(extra).toEqual([]);
      });

      it("has every plural form the language needs (Intl.PluralRules) for each plural key", () => {
        const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
        const missing: string[] = [];
        for (const [area, keys] of Object.entries(en)) {
          const bases = new Set(
            Object.keys(keys)
              .filter((k) => pluralSuffix.test(k))
              .map((k) => k.replace(pluralSuffix, "")),
          );
          for (const base of bases)
            for (const form of needed)
              if (catalog[area]?.[`${base}_${form}`] === undefined)
                missing.push(`${area}.${base}_${form}`);
        }
        expect(missing).toEqual([]);
      });

      it("keeps every placeholder of the English text", () => {
        const wrong: string[] = [];
        for (const [area, keys] of Object.entries(catalog)) {
          for (const [key, text] of Object.entries(keys ?? {})) {
            const source =
              (en as Record<string, Record<string, string>>)[area]?.[key] ??
              (en as Record<string, Record<string, string>>)[area]?.[
                `${key.replace(pluralSuffix, "")}_other`
              ];
            if (source === undefined) continue;
            const need = placeholders(source).filter((p) => p !== "count");
            const have = new Set(placeholders(text));
            for (const p of need)
              if (!have.has(p)) wrong.push(`${locale} ${area}.${key}: {{${p}}}`);
          }
        }
        expect(wrong).toEqual([]);
      });
    });
  }
});

describe("t", () => {
  it("picks the language's plural form and falls back to English", () => {
    expect(t("en", "common.days", { count: 1 })).toBe("1 day");
    expect(t("de", "common.days", { count: 2 })).toBe("2 Tage");
    expect(t("fr", "common.days", { count: 1 })).toBe("1 jour");
    expect(t("es", "common.days", { count: 3 })).toBe("3 días");
    expect(t("nl", "common.days", { count: 2 })).toBe("2 dagen");
  });

  it("maps Discord locales to ours, anything unknown to English", () => {
    expect(resolveLocale("de")).toBe("de");
    expect(resolveLocale("es-ES")).toBe("es");
    expect(resolveLocale("es-419")).toBe("es");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("ko")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
  });

  it("gives Discord's locale keys for registration", () => {
    const l = localizations("common.activeSession");
    expect(l).toMatchObject({
      de: "aktive Session",
      fr: "session active",
      "es-ES": "sesión activa",
      nl: "actieve sessie",
    });
  });
});
