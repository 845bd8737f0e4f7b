/**
 * Keys and placeholders are typed from the English JSON: `npm run typecheck`
 * fails if any `@ts-expect-error` below stops being an error, i.e. if a wrong key
 * or a missing placeholder would compile.
 */
import { describe, expect, it } from "vitest";
import { localizations, type MessageKey, t, translator } from "../../src/i18n/index.js";

function typedCalls(): string[] {
  const tr = translator("de");
  return [
    t("en", "play.added", { game: "Dice", amount: "1 h" }),
    t("en", "common.days", { count: 2 }),
    t("en", "play.gameDice"),
    // @ts-expect-error: no such key in locales/en-US/play.json
    t("en", "play.gameDie"),
    // @ts-expect-error: "play.added" needs {{game}} and {{amount}}
    t("en", "play.added"),
    // @ts-expect-error: {{amount}} is missing
    tr("play.added", { game: "Dice" }),
    // @ts-expect-error: a plural needs its count
    t("de", "common.days"),
    // @ts-expect-error: plural keys are named without their suffix
    t("en", "common.days_one", { count: 1 }),
    // @ts-expect-error: registration texts too
    localizations("commands.histories.descriptoin").de ?? "",
  ];
}

describe("typed keys", () => {
  it("accepts a key chosen at run time among several, with any vars", () => {
    const key: MessageKey = Math.random() < 2 ? "errors.notLinked" : "play.added";
    expect(t("en", key)).toBe(t("en", "errors.notLinked"));
  });

  it("translates the typed calls", () => {
    expect(typedCalls().slice(0, 3)).toEqual(["Dice: **1 h** added.", "2 days", "Dice"]);
  });
});
