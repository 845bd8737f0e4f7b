/** What members read after a play: the tracker's text made inert, secrets removed. */
import { describe, expect, it } from "vitest";
import { outcomeText, refusalText } from "../../src/play/reply.js";
import { TrackerValidationError } from "../../src/tracker/errors.js";

describe("play replies", () => {
  it("shows a refusal as inert text: no mentions, no links, no echoed link token", () => {
    const hostile = new TrackerValidationError(
      "games",
      "vote_limit",
      "@everyone <@123> see [here](https://evil.example) lgSECRET123456\nsecond line",
    );
    const text = refusalText(hostile, "en", "lgSECRET123456");
    expect(text).toMatch(/^Chastity Tracker refused: /);
    expect(text).not.toContain("@everyone");
    expect(text).not.toContain("<@123>");
    expect(text).not.toContain("https://evil");
    expect(text).not.toContain("lgSECRET123456");
    expect(text).not.toContain("\n");
  });

  it("words a result with the amount, the multiplier and the release time", () => {
    const text = outcomeText(
      "dice",
      {
        kind: "done",
        result: {
          session: 1,
          dom: false,
          operation: "SUB",
          seconds: 5400,
          scheduledEnd: new Date(Date.UTC(2026, 2, 1, 12)),
          multiplier: 1.5,
        },
      },
      "de",
    );
    expect(text).toContain("Würfel: **1 Std. 30 Min.** abgezogen.");
    expect(text).toContain("×1,5");
    expect(text).toContain(`<t:${Date.UTC(2026, 2, 1, 12) / 1000}:f>`);
  });
});
