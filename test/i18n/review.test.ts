import { describe, expect, it } from "vitest";
import { reviewText } from "../../src/i18n/review.js";

describe("i18n:review", () => {
  it("prints each text of a language next to English, plural forms included", () => {
    const text = reviewText("fr");
    expect(text).toContain("duration.days_one\n  en: {{n}} day\n  fr: {{n}} jour");
    expect(text).toContain("duration.days_many\n  en: {{n}} days\n  fr: {{n}} jours");
    expect(text).toMatch(/\d+ texts, 0 missing in fr\.\n$/);
  });

  it("lists only what is missing when asked", () => {
    const text = reviewText("de", true);
    expect(text).not.toContain("  de: ");
    expect(text).toMatch(/0 missing in de/);
  });
});
