import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../../commands/index.js";
import { commandKeys, localizeCommand } from "../../src/discord/localizeCommand.js";
import { catalogs, discordLocales, locales, t } from "../../src/i18n/index.js";

type Def = RESTPostAPIChatInputApplicationCommandsJSONBody;
type AnyOption = {
  name: string;
  description: string;
  description_localizations?: Record<string, string> | null;
  choices?: { name: string; name_localizations?: Record<string, string> | null; value: unknown }[];
  options?: AnyOption[];
};

const texts = (locale: (typeof locales)[number]) =>
  (catalogs[locale].commands ?? {}) as Record<string, string | undefined>;

function eachOption(def: Def, visit: (path: string, o: AnyOption) => void) {
  const walk = (prefix: string, options: AnyOption[] | undefined) => {
    for (const o of options ?? []) {
      visit(`${prefix}.${o.name}`, o);
      walk(`${prefix}.${o.name}`, o.options);
    }
  };
  walk(def.name, def.options as AnyOption[] | undefined);
}

describe("registration texts", () => {
  const registered = commandDefinitions.map(localizeCommand);

  it("has every key in every language, within Discord's limits", () => {
    const problems: string[] = [];
    for (const def of commandDefinitions) {
      for (const key of commandKeys(def)) {
        for (const locale of locales) {
          const text = texts(locale)[key];
          if (text === undefined) problems.push(`${locale}: missing ${key}`);
          else if (text.length > 100 || text.length === 0)
            problems.push(`${locale}: ${key} is ${text.length} characters`);
        }
      }
    }
    for (const locale of locales)
      for (const [key, text] of Object.entries(texts(locale)))
        if (text !== undefined && text.length > 100)
          problems.push(`${locale}: ${key} is ${text.length} characters`);
    expect(problems).toEqual([]);
  });

  it("keeps the English text equal to the definition's own", () => {
    const en = texts("en");
    const drift: string[] = [];
    for (const def of commandDefinitions) {
      if (en[`${def.name}.description`] !== def.description) drift.push(def.name);
      eachOption(def, (path, o) => {
        if (en[`${path}.description`] !== o.description) drift.push(path);
        for (const c of o.choices ?? [])
          if (en[`${path}.${String(c.value)}`] !== c.name) drift.push(`${path}.${String(c.value)}`);
      });
    }
    expect(drift).toEqual([]);
  });

  it("puts the localisations on every command, option and choice, names staying English", () => {
    const discordKeys = Object.values(discordLocales).flat().sort();
    expect(discordKeys).toEqual(["de", "es-419", "es-ES", "fr", "nl"]);
    for (const def of registered) {
      expect(def.name).toMatch(/^[a-z]{1,32}$/);
      expect(Object.keys(def.description_localizations ?? {}).sort()).toEqual(discordKeys);
      eachOption(def, (path, o) => {
        expect(o.name.length, path).toBeLessThanOrEqual(32);
        expect(Object.keys(o.description_localizations ?? {}).sort(), path).toEqual(discordKeys);
        for (const c of o.choices ?? [])
          expect(Object.keys(c.name_localizations ?? {}).sort(), path).toEqual(discordKeys);
      });
    }
    const histories = registered.find((d) => d.name === "histories") as unknown as AnyOption;
    expect(histories.description_localizations?.de).toBe(texts("de")["histories.description"]);
    const type = histories.options?.find((o) => o.name === "type");
    expect(type?.choices?.find((c) => c.value === "ADD")?.name_localizations?.["es-419"]).toBe(
      "tiempo añadido",
    );
  });

  it("t() finds the dotted command keys too", () => {
    expect(t("de", "commands.histories.type.ADD")).toBe("Zeit hinzugefügt");
  });

  it("has no catalogue key that no definition uses", () => {
    const used = new Set(commandDefinitions.flatMap(commandKeys));
    const orphans = Object.keys(texts("en")).filter((key) => !used.has(key));
    expect(orphans).toEqual([]);
  });
});
