import { Keyv } from "keyv";
import { describe, expect, it } from "vitest";
import { createPostLocale } from "../../src/i18n/postLocale.js";
import { createLocaleStore } from "../../src/store/locales.js";

function setup(preferred: Record<string, string> = {}) {
  const keyv = new Keyv();
  const locales = createLocaleStore({ keyv, wall: () => new Date("2026-03-01T00:00:00Z") });
  const postLocale = createPostLocale({ locales, guildPreferredLocale: (id) => preferred[id] });
  return { keyv, locales, postLocale };
}

describe("locale store", () => {
  it("keeps a server's choice until it is removed", async () => {
    const { locales } = setup();
    expect(await locales.guild("g1")).toBeUndefined();
    await locales.setGuild("g1", "fr", "admin");
    expect(await locales.guild("g1")).toBe("fr");
    await locales.setGuild("g1", null, "admin");
    expect(await locales.guild("g1")).toBeUndefined();
  });

  it("records a member's language, writing only when it changes", async () => {
    const { keyv, locales } = setup();
    let writes = 0;
    const set = keyv.set.bind(keyv);
    keyv.set = (async (...args: Parameters<typeof set>) => {
      writes += 1;
      return set(...args);
    }) as typeof keyv.set;
    await locales.recordMember("u1", "de");
    await locales.recordMember("u1", "de");
    expect(writes).toBe(1);
    await locales.recordMember("u1", "nl");
    expect(writes).toBe(2);
    expect(await locales.member("u1")).toBe("nl");
    // A fresh store (a restart) reads it back from the database.
    expect(await createLocaleStore({ keyv }).member("u1")).toBe("nl");
    expect(await locales.forgetMember("u1")).toBe(true);
    expect(await locales.member("u1")).toBeUndefined();
  });

  it("reads a record that does not fit as not set", async () => {
    const { keyv, locales } = setup();
    await keyv.set("guild:g2", { locale: "ko", setBy: "x", setAt: "y" });
    await keyv.set("member:u2", "de");
    expect(await locales.guild("g2")).toBeUndefined();
    expect(await locales.member("u2")).toBeUndefined();
  });
});

describe("postLocale", () => {
  it("channel posts: the server's choice, else its preferred locale, else English", async () => {
    const { locales, postLocale } = setup({ fr: "fr", es: "es-419", ko: "ko" });
    expect(await postLocale("fr", "u")).toBe("fr");
    expect(await postLocale("es", "u")).toBe("es");
    expect(await postLocale("ko", "u")).toBe("en");
    expect(await postLocale("unknown", "u")).toBe("en");
    await locales.setGuild("fr", "nl", "admin");
    expect(await postLocale("fr", "u")).toBe("nl");
  });

  it("DMs: the member's last interaction language, else English", async () => {
    const { locales, postLocale } = setup({ g: "fr" });
    expect(await postLocale(null, "u")).toBe("en");
    await locales.recordMember("u", "de");
    expect(await postLocale(null, "u")).toBe("de");
  });
});
