import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/ensure-build.mjs");

// Stands in for TypeScript: logs each call, emits main.js, exits with FAKE_TSC_EXIT.
const fakeTsc = `
const fs = require("node:fs");
fs.appendFileSync("tsc-calls.log", process.argv.slice(2).join(" ") + "\\n");
fs.mkdirSync("dist/src", { recursive: true });
fs.writeFileSync("dist/src/main.js", "");
process.exit(Number(process.env.FAKE_TSC_EXIT ?? 0));
`;

let root: string;

function write(path: string, text = ""): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

function age(path: string, secondsAgo: number): void {
  const t = Date.now() / 1000 - secondsAgo;
  utimesSync(join(root, path), t, t);
}

function run(env: Record<string, string> = {}): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, "scripts/ensure-build.mjs")], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: result.status, stderr: result.stderr };
}

function tscCalls(): number {
  const log = join(root, "tsc-calls.log");
  return existsSync(log) ? readFileSync(log, "utf8").trim().split("\n").length : 0;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ensure-build-"));
  mkdirSync(join(root, "scripts"));
  copyFileSync(script, join(root, "scripts/ensure-build.mjs"));
  write("node_modules/typescript/bin/tsc", fakeTsc);
  write("node_modules/typescript/package.json", "{}");
  write("package.json", '{"type":"module"}');
  write("tsconfig.json", "{}");
  write("tsconfig.build.json", "{}");
  write("src/main.ts");
  write("src/poller/loop.ts");
  write("commands/link.ts");
  write("locales/de/play.json");
  for (const path of [
    "package.json",
    "tsconfig.json",
    "tsconfig.build.json",
    "src/main.ts",
    "src/poller/loop.ts",
    "src/poller",
    "src",
    "commands/link.ts",
    "commands",
    "locales/de/play.json",
    "locales/de",
    "locales",
  ]) {
    age(path, 1000);
  }
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("scripts/ensure-build.mjs", () => {
  it("compiles when dist is missing, then does nothing while it is fresh", () => {
    expect(run().code).toBe(0);
    expect(tscCalls()).toBe(1);
    expect(readFileSync(join(root, "tsc-calls.log"), "utf8")).toContain("-p tsconfig.build.json");
    expect(run()).toEqual({ code: 0, stderr: "" });
    expect(tscCalls()).toBe(1);
  });

  it.each([
    "src/poller/loop.ts",
    "commands/link.ts",
    "locales/de/play.json",
    "tsconfig.build.json",
    "package.json",
  ])("compiles again when %s is newer than dist", (input) => {
    write("dist/src/main.js");
    age("dist/src/main.js", 500);
    expect(run().code).toBe(0);
    expect(tscCalls()).toBe(0);
    age(input, 100);
    expect(run().code).toBe(0);
    expect(tscCalls()).toBe(1);
  });

  it("notices a renamed source through its directory", () => {
    write("dist/src/main.js");
    age("dist/src/main.js", 500);
    write("src/poller/renamed.ts");
    age("src/poller/renamed.ts", 1000);
    run();
    expect(tscCalls()).toBe(1);
  });

  it("ignores files that are not TypeScript", () => {
    write("dist/src/main.js");
    age("dist/src/main.js", 500);
    write("src/notes.md");
    age("src/notes.md", 100);
    age("src", 1000);
    run();
    expect(tscCalls()).toBe(0);
  });

  it("passes on tsc's exit code and retries after a failed build", () => {
    const failed = run({ FAKE_TSC_EXIT: "2" });
    expect(failed.code).toBe(2);
    // tsc emitted main.js despite the errors; the next start must compile again.
    expect(run().code).toBe(0);
    expect(tscCalls()).toBe(2);
    expect(run().code).toBe(0);
    expect(tscCalls()).toBe(2);
  });

  it("refuses an unsupported Node.js in the bot's own line, before building", () => {
    // The built check (dist/src/nodeVersion.js); this Node pretends to be 18.19.0.
    write(
      "dist/src/nodeVersion.js",
      'export const nodeVersionProblem = (v) => (v.startsWith("18.") ? "needs Node.js 20.18, not v" + v : undefined);',
    );
    age("src", 100);
    write("pretend.mjs", 'Object.defineProperty(process.versions, "node", { value: "18.19.0" });');
    const old = run({ NODE_OPTIONS: `--import=${pathToFileURL(join(root, "pretend.mjs")).href}` });
    expect(old).toEqual({ code: 1, stderr: "needs Node.js 20.18, not v18.19.0\n" });
    expect(tscCalls()).toBe(0);
    // The same tree on a supported Node builds as before.
    expect(run().code).toBe(0);
    expect(tscCalls()).toBe(1);
  });

  it("runs dist as is when TypeScript is not installed", () => {
    rmSync(join(root, "node_modules"), { recursive: true });
    write("dist/src/main.js");
    expect(run().code).toBe(0);
  });

  it("explains itself when dist is missing and TypeScript is not installed", () => {
    rmSync(join(root, "node_modules"), { recursive: true });
    const result = run();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/TypeScript is not installed/);
    expect(result.stderr).toMatch(/npm run build/);
  });
});
