/**
 * An unsupported Node.js is refused in one line naming the version needed, before discord.js or
 * undici is loaded (under Node 18 they crash with "ReferenceError: File is not defined").
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeVersionProblem, requiredNode } from "../../src/nodeVersion.js";
import { spawnBot } from "../e2e/child.js";

const root = path.resolve(import.meta.dirname, "../..");

describe("nodeVersionProblem", () => {
  it.each(["v18.19.0", "18.19.0", "v20.17.1", "v20.0.0", "v16.20.2", "v19.99.0", "nonsense"])(
    "refuses %s in one line naming 20.18",
    (version) => {
      const problem = nodeVersionProblem(version);
      expect(problem).toMatch(/needs Node\.js 20\.18 or newer/);
      expect(problem).not.toMatch(/\n/);
    },
  );

  it("names the version it runs on", () => {
    expect(nodeVersionProblem("v18.19.0")).toContain("Node.js v18.19.0");
    expect(nodeVersionProblem("18.19.0")).toContain("Node.js v18.19.0");
  });

  it.each(["v20.18.0", "20.18.1", "v20.19.0", "v21.0.0", "v22.12.0", "v26.1.0", "v100.0.0"])(
    "accepts %s",
    (version) => {
      expect(nodeVersionProblem(version)).toBeUndefined();
    },
  );

  it("asks for what package.json's engines say", () => {
    const engines = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines;
    expect(engines.node).toBe(`>=${requiredNode.major}.${requiredNode.minor}`);
  });
});

describe("the entry point (src/start.ts)", () => {
  /** Preloaded before the entry: the process reports `version` as its Node.js version. */
  const pretend = (version: string) =>
    `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`;

  it("under an old Node prints one line and exits 1, loading nothing of the bot", async () => {
    const child = spawnBot({}, ["--import", "tsx", "--import", pretend("18.19.0"), "src/start.ts"]);
    const { code } = await child.exited;
    expect(code).toBe(1);
    const lines = child.output().trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/needs Node\.js 20\.18 or newer.*v18\.19\.0/)]);
  });

  it("under a supported Node goes on to start the bot", async () => {
    // No DISCORD_TOKEN: the bot itself (main.ts) says so and exits 1.
    const child = spawnBot({}, ["--import", "tsx", "--import", pretend("22.12.0"), "src/start.ts"]);
    const { code } = await child.exited;
    expect(code).toBe(1);
    expect(child.output()).toContain("DISCORD_TOKEN");
    expect(child.output()).not.toContain("needs Node.js");
  });
});
