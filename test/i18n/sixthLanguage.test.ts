/**
 * Adding a language is one folder plus one line: Polish from a fixture folder
 * (test/fixtures/i18n/locales/pl/, a draft with a few texts) and one more entry
 * in the language list give command localisations and replies in Polish, with
 * English for what is not translated yet.
 */
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.js";
import { createLocalizeCommand } from "../../src/discord/localizeCommand.js";
import { checkLanguages } from "../../src/i18n/check.js";
import { createI18n } from "../../src/i18n/createI18n.js";
import { t } from "../../src/i18n/index.js";
import { languages } from "../../src/i18n/languages.js";
import { statusRows } from "../../src/i18n/status.js";

const polishFolder = `${import.meta.dirname}/../fixtures/i18n/locales/pl`;
const withPolish = [
  ...languages,
  { locale: "pl", folder: polishFolder, discord: ["pl"], draft: true }, // the one line
] as const;
const i18n = createI18n(withPolish);

describe("a sixth language from one folder and one line", () => {
  it("registers the commands with Polish texts next to the others", () => {
    const histories = commandDefinitions.find((d) => d.name === "histories")!;
    const localized = createLocalizeCommand(i18n)(histories);
    expect(localized.description_localizations).toMatchObject({
      pl: "Pokazuje historię jednej z twoich sesji Chastity Tracker",
      de: "Zeigt den Verlauf einer deiner Chastity-Tracker-Sessions",
    });
    const type = localized.options?.find((o) => o.name === "type");
    const add =
      type && "choices" in type ? type.choices?.find((c) => c.value === "ADD") : undefined;
    expect(add?.name_localizations?.pl).toBe("dodany czas");
    // Not translated yet: left out, so Discord shows the English definition.
    const session = localized.options?.find((o) => o.name === "session");
    expect(session?.description_localizations).not.toHaveProperty("pl");
    expect(i18n.localizations("commands.histories.type.description")).toMatchObject({
      pl: "Tylko ten rodzaj zmiany",
      "es-419": "Solo este tipo de cambio",
    });
  });

  it("answers a Polish client in Polish, in Polish plural forms, and in English where untranslated", () => {
    const locale = i18n.resolveLocale("pl");
    expect(locale).toBe("pl");
    expect(i18n.t(locale, "errors.notLinked")).toMatch(/^Nie połączono jeszcze twojego konta/);
    expect(i18n.t(locale, "common.days", { count: 1 })).toBe("1 dzień");
    expect(i18n.t(locale, "common.days", { count: 3 })).toBe("3 dni");
    expect(i18n.t(locale, "common.days", { count: 1.5 })).toBe("1.5 dnia");
    expect(i18n.t(locale, "errors.serverOnly")).toBe(t("en", "errors.serverOnly"));
    // The shipped languages are unchanged.
    expect(i18n.resolveLocale("es-419")).toBe("es");
    expect(i18n.t("de", "errors.notLinked")).toBe(t("de", "errors.notLinked"));
  });

  it("passes the check as a draft, its untranslated texts counted as fallback", () => {
    expect(checkLanguages(withPolish)).toEqual([]);
    const polish = statusRows(withPolish).find((row) => row.locale === "pl");
    expect(polish).toMatchObject({ translated: 8, missing: 0 });
    expect(polish?.fallback).toBe((polish?.total ?? 0) - 8);
  });
});
