import { describe, expect, it } from "vitest";
import { localizations, resolveLocale, t } from "../../src/i18n/index.js";

// Keys, placeholders and plural forms of every language: the check (test/i18n/check.test.ts).

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
