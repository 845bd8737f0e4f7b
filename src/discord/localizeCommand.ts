/**
 * Registration texts in every language, found by convention in the `commands`
 * namespace (locales/<folder>/commands.json): `<command>.description`, `<command>.<option>.description`
 * (subcommands nest: `<command>.<sub>.<option>.description`) and
 * `<command>.<option>.<choice value>` for a choice's name.
 *
 * Command, option and choice NAMES stay English on purpose: they are the
 * contract members, docs and scripts type (`/subscribe session:12`), the
 * router dispatches on them, and a localised name would make the same command
 * read differently from one member to the next in a shared channel.
 */
import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { I18n } from "../i18n/createI18n.js";
import { shipped } from "../i18n/index.js";

/** Every catalogue key a definition needs (for the test and the review script). */
export function commandKeys(def: RESTPostAPIChatInputApplicationCommandsJSONBody): string[] {
  const keys = [`${def.name}.description`];
  const walk = (prefix: string, options: readonly APIApplicationCommandOption[] | undefined) => {
    for (const option of options ?? []) {
      const path = `${prefix}.${option.name}`;
      keys.push(`${path}.description`);
      if ("choices" in option && option.choices)
        for (const choice of option.choices) keys.push(`${path}.${choice.value}`);
      if ("options" in option) walk(path, option.options);
    }
  };
  walk(def.name, def.options);
  return keys;
}

type Definition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A `localizeCommand` for a set of languages (the shipped ones, or a test's with one more). */
export function createLocalizeCommand(i18n: I18n): (def: Definition) => Definition {
  /** `{ de: "...", fr: "...", "es-ES": "...", "es-419": "...", nl: "..." }`; languages lacking the key are left out. */
  function localizationsOf(key: string): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    for (const language of i18n.languages) {
      const text = i18n.catalogs[language.locale]?.commands?.[key];
      if (text === undefined) continue;
      for (const k of language.discord) out[k] = text;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  function localizeOption(
    prefix: string,
    option: APIApplicationCommandOption,
  ): APIApplicationCommandOption {
    const path = `${prefix}.${option.name}`;
    const description = localizationsOf(`${path}.description`);
    const out = { ...option, ...(description && { description_localizations: description }) };
    if ("choices" in out && out.choices) {
      (out as { choices: unknown }).choices = out.choices.map(
        (choice: { value: string | number }) => {
          const names = localizationsOf(`${path}.${choice.value}`);
          return { ...choice, ...(names && { name_localizations: names }) };
        },
      );
    }
    if ("options" in out && out.options) {
      (out as { options: unknown }).options = out.options.map((o) => localizeOption(path, o));
    }
    return out as APIApplicationCommandOption;
  }

  /** The definition with `description_localizations` and choices' `name_localizations` filled in. */
  return (def) => {
    const description = localizationsOf(`${def.name}.description`);
    return {
      ...def,
      ...(description && { description_localizations: description }),
      ...(def.options && { options: def.options.map((o) => localizeOption(def.name, o)) }),
    };
  };
}

/** The definition with `description_localizations` and choices' `name_localizations` filled in. */
export const localizeCommand = createLocalizeCommand(shipped);
