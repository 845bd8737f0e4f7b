/**
 * The README's "What is stored" table and the code's list of key shapes stay in step: a key
 * shape the store writes that admins are not told about fails here. That every key actually
 * written has one of these shapes is checked end to end (test/e2e/privacy.test.ts, and
 * test/e2e/privacyLogs.test.ts after a busy flow).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { namespaceNames } from "../../src/store/backend.js";
import { keyShapeOf, keyShapes } from "../../src/store/keyShapes.js";

const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");

/** The first cell of every row of the table in the "What is stored" section. */
function readmeKeys(): string[] {
  const start = readme.indexOf("\n## What is stored");
  const end = readme.indexOf("\n## ", start + 1);
  expect(start).toBeGreaterThan(-1);
  return readme
    .slice(start, end)
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => /^\| `([^`]+)`/.exec(line)?.[1] ?? "");
}

describe("What is stored", () => {
  const code = keyShapes.map((s) => `${s.namespace}:${s.shape}`);

  it("the README lists exactly the key shapes the store writes", () => {
    expect(readmeKeys().sort()).toEqual([...code].sort());
  });

  it("every namespace the store opens has its key shapes listed", () => {
    for (const name of namespaceNames)
      expect(
        keyShapes.some((s) => s.namespace === name),
        name,
      ).toBe(true);
  });

  it("the patterns tell the shapes apart and refuse what is not listed", () => {
    expect(keyShapeOf("locales", "member:123456789012345678")?.shape).toBe("member:<userId>");
    expect(keyShapeOf("locales", "guild:123456789012345678")?.shape).toBe("guild:<guildId>");
    expect(keyShapeOf("roleMembers", "1234:5678")?.shape).toBe("<guildId>:<userId>");
    expect(keyShapeOf("ui", "histories:AbC_12-xYz09")?.shape).toBe("histories:<viewId>");
    expect(keyShapeOf("ui", "votes:AbC_12-xYz09")).toBeUndefined();
    expect(keyShapeOf("locales", "member:lucy")).toBeUndefined();
    expect(keyShapeOf("meta", "ping")).toBeUndefined();
  });
});
