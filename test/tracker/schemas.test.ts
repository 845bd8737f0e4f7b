import { describe, expect, it } from "vitest";
import {
  envelopeSchema,
  historiesDataSchema,
  historyItemSchema,
  sessionDetailsDataSchema,
  sessionSchema,
  sessionsDataSchema,
  statsDataSchema,
} from "../../src/tracker/schemas.js";

// The two items of the docs' response example, verbatim.
const docsData = {
  count: 2,
  limit: 50,
  cursor_next:
    "eyJoYXBwZW5lZCI6IjIwMjYtMDItMDMgMDk6MzA6MDcuMTIzIiwic2NoZWR1bGUiOiIyMDI2LTAyLTEwIDAwOjAwOjAwIiwic291cmNlIjoiRElDRSJ9",
  has_games_changes: 1,
  items: [
    {
      session: 123,
      type: "START",
      unit: null,
      source: null,
      dom: 0,
      schedule: "2026-02-10 00:00:00",
      happened: "2026-02-03 09:30:07.123",
    },
    {
      session: 123,
      type: "ADD",
      unit: 86400,
      source: "DICE",
      dom: 0,
      schedule: "2026-02-11 00:00:00",
      happened: "2026-02-03 10:02:11.456",
    },
  ],
};

describe("envelope", () => {
  it("tells success from error and tolerates unknown fields", () => {
    const ok = envelopeSchema.parse({ ok: true, data: { x: 1 }, meta: { version: 2 }, extra: 1 });
    expect(ok.ok).toBe(true);
    const err = envelopeSchema.parse({ ok: false, error: { code: 42, message: "bad" } });
    expect(err).toMatchObject({ ok: false, error: { code: "42", message: "bad" } });
    expect(envelopeSchema.safeParse({ ok: "yes", data: {} }).success).toBe(false);
    expect(envelopeSchema.safeParse({ data: {} }).success).toBe(false);
  });
});

describe("histories", () => {
  it("maps the docs' example into domain items", () => {
    const page = historiesDataSchema.parse(docsData);
    expect(page.count).toBe(2);
    expect(page.limit).toBe(50);
    expect(page.cursorNext).toBe(docsData.cursor_next);
    expect(page.items[0]).toEqual({
      session: 123,
      type: "START",
      unit: null,
      source: null,
      dom: false,
      schedule: new Date(Date.UTC(2026, 1, 10)),
      happened: new Date(Date.UTC(2026, 1, 3, 9, 30, 7, 123)),
    });
    expect(page.items[1]?.unit).toBe(86400);
    expect(page.items[1]?.source).toBe("DICE");
    expect(page.items[1]?.happened.getTime()).toBe(1770112931456);
  });

  it.each([
    ["absent", {}],
    ["null", { cursor_next: null }],
    ["empty", { cursor_next: "" }],
  ])("treats a %s cursor_next as the last page", (_label, cursor) => {
    const page = historiesDataSchema.parse({ count: 0, limit: 50, items: [], ...cursor });
    expect(page.cursorNext).toBeUndefined();
  });

  it("is lenient on PHP-ish scalars, strict on enums and dates", () => {
    const item = historyItemSchema.parse({
      session: "7",
      type: "SUB",
      unit: "-3600",
      source: "",
      dom: "1",
      schedule: "0000-00-00 00:00:00",
      happened: "2026-02-03T10:02:11.456Z",
    });
    expect(item).toMatchObject({
      session: 7,
      unit: -3600,
      source: null,
      dom: true,
      schedule: null,
    });
    const base = docsData.items[1];
    expect(historyItemSchema.safeParse({ ...base, type: "MULTIPLY" }).success).toBe(false);
    expect(historyItemSchema.safeParse({ ...base, source: "WHEEL" }).success).toBe(false);
    expect(historyItemSchema.safeParse({ ...base, dom: 2 }).success).toBe(false);
    expect(historyItemSchema.safeParse({ ...base, unit: 1.5 }).success).toBe(false);
    expect(historyItemSchema.safeParse({ ...base, happened: "03/02/2026" }).success).toBe(false);
    expect(historyItemSchema.safeParse({ ...base, happened: null }).success).toBe(false);
    expect(historyItemSchema.safeParse({ ...base, schedule: "soon" }).success).toBe(false);
  });

  it("rejects a page whose items are not a list", () => {
    expect(historiesDataSchema.safeParse({ ...docsData, items: {} }).success).toBe(false);
    expect(historiesDataSchema.safeParse({ ...docsData, count: -1 }).success).toBe(false);
  });
});

const wireSession = {
  id: 55,
  start: "2026-02-01 08:00:00",
  end: null,
  scheduledend: "2026-03-01 08:00:00",
  active: 1,
  lockedby: "",
  notes: null,
  public: 0,
  timezonestart: "+01:00",
  timezoneend: null,
  inserted: "2026-02-01 08:00:01",
  has_history: 1,
  has_games_changes: 0,
  games: { dice: {} },
};

describe("sessions", () => {
  it("maps a wire session", () => {
    expect(sessionSchema.parse(wireSession)).toEqual({
      id: 55,
      start: new Date(Date.UTC(2026, 1, 1, 8)),
      end: null,
      scheduledEnd: new Date(Date.UTC(2026, 2, 1, 8)),
      active: true,
      lockedBy: null,
      public: false,
      hasHistory: true,
      hasGamesChanges: false,
      // `games: { dice: {} }` has no link rules: every vote is offered.
      linkRules: { add: true, sub: true },
      // The games the session has a block for (shown on a live card).
      openGames: ["dice"],
    });
    const ended = sessionSchema.parse({
      ...wireSession,
      active: 0,
      end: "2026-02-02 08:00:00",
      lockedby: "Mistress",
    });
    expect(ended).toMatchObject({
      active: false,
      lockedBy: "Mistress",
      end: new Date(Date.UTC(2026, 1, 2, 8)),
    });
  });

  it("maps a list page", () => {
    const page = sessionsDataSchema.parse({
      count: 1,
      total: 9,
      limit: 1,
      offset: 3,
      items: [wireSession],
    });
    expect(page).toMatchObject({ count: 1, total: 9, limit: 1, offset: 3 });
    expect(page.items[0]?.id).toBe(55);
  });

  it.each([
    ["bare", wireSession],
    ["{session}", { session: wireSession }],
    ["{item}", { item: wireSession }],
    ["{items:[one]}", { items: [wireSession] }],
  ])("reads session details given %s", (_label, data) => {
    expect(sessionDetailsDataSchema.parse(data).id).toBe(55);
  });

  it("rejects details it cannot read", () => {
    expect(sessionDetailsDataSchema.safeParse({ items: [] }).success).toBe(false);
    expect(sessionDetailsDataSchema.safeParse({ ...wireSession, start: null }).success).toBe(false);
  });
});

describe("stats", () => {
  it("maps nick, profile url and locked", () => {
    const stats = statsDataSchema.parse({
      nick: "kh",
      profile_url: "https://www.chastitytracker.org/u/kh",
      locked: true,
      current_lock_time: "3 days",
    });
    expect(stats).toMatchObject({
      nick: "kh",
      profileUrl: "https://www.chastitytracker.org/u/kh",
      locked: true,
      currentLockTime: "3 days",
    });
    expect(statsDataSchema.parse({ nick: "x", profile_url: null, locked: 0 })).toMatchObject({
      nick: "x",
      profileUrl: null,
      locked: false,
      currentLockStart: null,
    });
    expect(statsDataSchema.safeParse({ nick: "", locked: true }).success).toBe(false);
  });
});

describe("stats, the documented fields", () => {
  it("reads the documented example's formats", () => {
    const stats = statsDataSchema.parse({
      nick: "kh",
      profile_url: null,
      locked: true,
      current_lock_start: "2026-01-15 09:00:00 UTC",
      scheduled_end: null,
      current_lock_time: "17 days 3 hours 12 minutes",
      total_locked_since: "1 months 2 days 4 hours",
      since_date: "2026-01-01 00:00:00",
      link_game: null,
      last_full: "2026-01-15",
      last_ruined: null,
      last_ted: "2026-01-02",
      last_milking: null,
    });
    expect(stats).toEqual({
      nick: "kh",
      profileUrl: null,
      locked: true,
      currentLockStart: new Date("2026-01-15T09:00:00Z"),
      scheduledEnd: null,
      currentLockTime: "17 days 3 hours 12 minutes",
      totalLockedSince: "1 months 2 days 4 hours",
      sinceDate: new Date("2026-01-01T00:00:00Z"),
      linkGame: null,
      lastFull: new Date("2026-01-15T00:00:00Z"),
      lastRuined: null,
      lastTed: new Date("2026-01-02T00:00:00Z"),
      lastMilking: null,
    });
  });

  it("tolerates every field but nick being missing or odd", () => {
    const stats = statsDataSchema.parse({
      nick: "kh",
      profile_url: 42,
      locked: "maybe",
      current_lock_start: "yesterday",
      scheduled_end: 1_700_000_000,
      current_lock_time: { days: 3 },
      last_full: "2026-02-30",
    });
    expect(stats).toMatchObject({
      nick: "kh",
      profileUrl: null,
      locked: false,
      currentLockStart: null,
      scheduledEnd: null,
      currentLockTime: null,
      lastFull: null,
    });
    // Without `locked`, a visible lock start says it.
    expect(
      statsDataSchema.parse({ nick: "kh", current_lock_start: "2026-01-15 09:00:00 UTC" }).locked,
    ).toBe(true);
    expect(statsDataSchema.safeParse({ locked: true }).success).toBe(false);
  });
});
