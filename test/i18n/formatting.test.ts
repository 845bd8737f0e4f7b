import { describe, expect, it } from "vitest";
import { sessionChoices } from "../../src/discord/sessionAutocomplete.js";
import { userMessageFor } from "../../src/discord/userMessages.js";
import { UserError } from "../../src/discord/errors.js";
import { historiesFeed } from "../../src/feeds/histories.js";
import { buildDeliveryMessages, deliveryTitle } from "../../src/format/delivery.js";
import { buildHistoriesEmbed } from "../../src/format/historiesEmbed.js";
import { formatItemLine } from "../../src/format/items.js";
import { catalogs, locales, t } from "../../src/i18n/index.js";
import { pauseNotice } from "../../src/poller/pause/notices.js";
import { describeFilters, describePause } from "../../src/subscriptions/describe.js";
import { TrackerRateLimitError } from "../../src/tracker/errors.js";
import { item } from "../format/fixtures.js";

describe("swept formatters speak the given language", () => {
  it("item lines", () => {
    const dice = item({ dom: true });
    expect(formatItemLine(dice)).toMatch(
      /^🎲 Dice · added \*\*\+1 day\*\* · 👑 by dom · release <t:/,
    );
    expect(formatItemLine(dice, "de")).toMatch(
      /^🎲 Würfel · hinzugefügt \*\*\+1 Tag\*\* · 👑 von Dom · Freigabe <t:/,
    );
    expect(formatItemLine(item({ type: "START" }), "es")).toMatch(/^🔒 \*\*Sesión iniciada\*\*/);
  });

  it("the /histories page", () => {
    const embed = buildHistoriesEmbed({
      session: 7,
      items: [item(), item({ unit: 3600 })],
      filters: { dom: true },
      page: 2,
      nick: "a_b",
      hasOlder: true,
      locale: "nl",
    });
    expect(embed.title).toBe("📜 a\\_b · sessie 7");
    expect(embed.footer?.text).toBe("Pagina 2 · alleen dom · oudere items op de volgende pagina");
    expect(embed.fields?.[0]).toMatchObject({
      name: "Netto op deze pagina",
      value: "**+1 dag 1 u** over 2 wijzigingen",
    });
  });

  it("channel posts", () => {
    const [message] = buildDeliveryMessages(
      [{ userId: "1", nick: "zoé", session: 3, lines: [historiesFeed.line(item(), "fr")] }],
      "fr",
    );
    expect(message?.embeds[0]?.title).toBe("zoé · session 3");
    expect(message?.embeds[0]?.description).toContain("🎲 Dés · ajouté **+1 jour**");
    expect(deliveryTitle({ session: 3 }, true, "es")).toBe("Sesión 3 (continuación)");
  });

  it("subscriptions, pause DMs, autocomplete and errors", () => {
    expect(describeFilters({ type: "ADD", dom: false }, "de")).toBe("Art ADD, nicht von Dom");
    expect(describePause("thread_closed", "fr")).toBe("le fil est archivé ou verrouillé");
    expect(pauseNotice("unknown_channel", "42", "es")).toMatch(/^El canal <#42> ya no existe/);
    const [choice] = sessionChoices(
      [{ id: 9, active: true, start: new Date(Date.UTC(2026, 0, 2)), lockedBy: "kh" } as never],
      "",
      "de",
    );
    expect(choice?.name).toBe("#9 · 🔒 aktiv · begonnen 2026-01-02 · verschlossen von kh");
    expect(userMessageFor(new UserError({ key: "errors.notLinked" }), "nl").text).toBe(
      t("nl", "errors.notLinked"),
    );
    const limited = new TrackerRateLimitError(undefined, 1000);
    expect(userMessageFor(limited, "fr").text).toBe(t("fr", "errors.trackerRateLimit"));
    // An unexpected error keeps its id in every language.
    const bug = userMessageFor(new Error("boom"), "es");
    expect(bug.text).toContain(`\`${bug.errorId}\``);
    expect(bug.expected).toBe(false);
  });
});

describe("texts fit Discord's component limits in every language", () => {
  it("modal title and label 45, placeholder 100, button label 80", () => {
    const limits = {
      "link.modalTitle": 45,
      "link.tokenLabel": 45,
      "link.tokenPlaceholder": 100,
      "histories.newer": 80,
      "histories.older": 80,
    } as const;
    const over: string[] = [];
    for (const locale of locales)
      for (const [key, max] of Object.entries(limits)) {
        const [area, name] = key.split(".") as [string, string];
        const text = (catalogs[locale] as Record<string, Record<string, string>>)[area]?.[name];
        if (text === undefined || text.length > max) over.push(`${locale} ${key}`);
      }
    expect(over).toEqual([]);
  });
});
