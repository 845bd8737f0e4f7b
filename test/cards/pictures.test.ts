/** The README's card pictures (scripts/cardPictures.ts): decoded, they show the card's state. */
import { describe, expect, it } from "vitest";
import { cardBody } from "../../src/cards/render.js";
import { initialCardState } from "../../src/cards/state.js";
import { svgToPng } from "../../src/pictures/render.js";
import type { Card } from "../../src/store/cards.js";
import { embedPreviewSvg } from "../../scripts/embedPreview.js";
import { decodePng, near } from "../pictures/png.js";

const now = Date.parse("2026-10-20T18:00:00Z");
const card: Card = {
  id: "0a1b2c3d",
  userId: "1",
  nick: "lucy",
  guildId: "2",
  channelId: "3",
  messageId: "4",
  session: 412,
  createdAt: new Date(now).toISOString(),
  state: initialCardState(
    { start: new Date(now - 86_400_000), scheduledEnd: null, end: null, openGames: [] },
    [],
    now,
  ),
};

describe("card pictures", () => {
  it("draws a live card with the blurple stripe and a released one with the green one", async () => {
    const live = decodePng(
      await svgToPng(embedPreviewSvg(cardBody(card, "en", now).embeds[0]!, now)),
    );
    const ended = { ...card, state: { ...card.state, endedAt: new Date(now).toISOString() } };
    const released = decodePng(
      await svgToPng(embedPreviewSvg(cardBody(ended, "en", now).embeds[0]!, now)),
    );
    expect(live.width).toBe(760);
    expect(near(live.rgba(2, 40), "#5865f2")).toBe(true);
    expect(near(released.rgba(2, 40), "#57f287")).toBe(true);
    // The released card has no live fields: it is shorter.
    expect(released.height).toBeLessThan(live.height);
  });
});
