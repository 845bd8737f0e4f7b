import { describe, expect, it } from "vitest";
import { translator } from "../../src/i18n/index.js";
import { bannerAltText, ticker } from "../../src/pictures/banner.js";
import { statsEmbed } from "../../src/pictures/statsReply.js";
import { humanDuration, signedDuration } from "../../src/pictures/words.js";
import { sampleStats } from "./sample.js";

const now = Date.UTC(2026, 1, 1, 12, 0, 0);

describe("lock ticker", () => {
  it("measures the time locked and the share of the way to the scheduled end", () => {
    const tick = ticker(sampleStats(), now);
    expect(tick.elapsedSeconds).toBe((now - Date.UTC(2026, 0, 15, 9)) / 1000);
    expect(tick.progress).toBeCloseTo(
      (now - Date.UTC(2026, 0, 15, 9)) / (Date.UTC(2026, 1, 20, 18) - Date.UTC(2026, 0, 15, 9)),
    );
    expect(ticker(sampleStats({ scheduledEnd: new Date(now - 1000) }), now).progress).toBe(1);
    expect(ticker(sampleStats({ currentLockStart: null }), now)).toMatchObject({
      elapsedSeconds: null,
      progress: null,
    });
  });

  it("describes the banner in words", () => {
    expect(bannerAltText(sampleStats(), now, "en", translator("en"))).toBe(
      "Lock ticker for lucy: locked for 17 days 3 hr. 47 % of the way from the lock's start to the scheduled release on 20 Feb 2026 18:00 UTC. Total locked: 1 months 2 days 4 hours.",
    );
    expect(
      bannerAltText(sampleStats({ scheduledEnd: null }), now, "en", translator("en")),
    ).toContain("No scheduled release.");
    expect(bannerAltText(sampleStats({ locked: false }), now, "de", translator("de"))).toContain(
      "gerade nicht verschlossen",
    );
    // Without a visible lock start the tracker's own text stands in.
    expect(
      bannerAltText(sampleStats({ currentLockStart: null }), now, "en", translator("en")),
    ).toContain("locked for 17 days 3 hours 12 minutes");
  });
});

describe("stats embed", () => {
  it("shows the lock start, scheduled end, times and last events with Discord timestamps", () => {
    const embed = statsEmbed(sampleStats(), "en");
    expect(embed.description).toBe("🔒 Locked");
    const fields = Object.fromEntries((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields["Lock started"]).toBe(`<t:${Date.UTC(2026, 0, 15, 9) / 1000}:f>`);
    expect(fields["Scheduled end"]).toContain(`<t:${Date.UTC(2026, 1, 20, 18) / 1000}:R>`);
    expect(fields["Current lock time"]).toBe("17 days 3 hours 12 minutes");
    expect(fields["Total locked"]).toBe(
      `1 months 2 days 4 hours since <t:${Date.UTC(2026, 0, 1) / 1000}:D>`,
    );
    expect(fields["Last events"]).toBe(`full: <t:${Date.UTC(2026, 0, 10) / 1000}:D>`);
    expect(embed.image?.url).toBe("attachment://stats.png");
  });

  it("keeps tracker text inert and leaves out what the tracker hides", () => {
    const embed = statsEmbed(
      sampleStats({
        nick: "__@everyone__",
        currentLockTime: "[click](https://evil.example) <@123>",
        currentLockStart: null,
        lastFull: null,
        totalLockedSince: null,
      }),
      "fr",
    );
    expect(embed.title).toBe("\\_\\_@\u200beveryone\\_\\_");
    const values = (embed.fields ?? []).map((f) => f.value).join("\n");
    expect(values).not.toMatch(/(^|[^\\])\[click\]/);
    expect(values).not.toContain("<@123>");
    expect((embed.fields ?? []).map((f) => f.name)).toEqual(["Fin prévue", "Durée actuelle"]);
  });
});

describe("words", () => {
  it("writes durations in the reader's language", () => {
    expect(humanDuration(90061, "en")).toBe("1 day 1 hr 1 min");
    expect(humanDuration(45, "en")).toBe("45 sec");
    expect(signedDuration(-1800, "de")).toBe("−30 Min.");
    expect(signedDuration(0, "en")).toBe("0 sec");
  });
});
