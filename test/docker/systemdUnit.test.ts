/** deploy/ct-bot.service keeps the promises README.md's "Run it as a service" makes. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const unitText = readFileSync(path.join(root, "deploy/ct-bot.service"), "utf8");
const startScript = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts
  .start as string;

/** section -> key -> values (a key may repeat). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | undefined;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header?.[1]) {
      current = new Map();
      sections.set(header[1], current);
      continue;
    }
    const [key, ...rest] = line.split("=");
    if (!current || !key) throw new Error(`not a unit line: ${line}`);
    current.set(key, [...(current.get(key) ?? []), rest.join("=")]);
  }
  return sections;
}

function problemsOf(text: string): string[] {
  const unit = parseUnit(text);
  const service = unit.get("Service") ?? new Map<string, string[]>();
  const one = (key: string) => service.get(key)?.at(-1);
  const problems: string[] = [];
  // `/usr/bin/env node ...` finds node on systemd's PATH; no Node path is hard-coded.
  const exec = (one("ExecStart") ?? "")
    .split(/\s+/)
    .filter((w, i) => i > 0 || !/(^|\/)env$/.test(w));
  // npm start's node flags, then its entry point (here by its full path).
  const [, ...flags] = startScript.split(/\s+/);
  const entry = flags.pop();
  if (!/(^|\/)node$/.test(exec[0] ?? "")) problems.push(`ExecStart runs ${exec[0]}, not node`);
  if (exec.slice(1, -1).join(" ") !== flags.join(" "))
    problems.push(
      `ExecStart passes node ${exec.slice(1, -1).join(" ")}, npm start ${flags.join(" ")}`,
    );
  if (exec.length < 2 || !exec.at(-1)?.endsWith(`/${entry}`))
    problems.push(`ExecStart runs ${exec.at(-1)}, not ${entry}`);
  if (exec.some((w) => /\b(npm|npx)\b/.test(w))) problems.push("ExecStart goes through npm");
  const user = one("User");
  if (!user || user === "root" || user === "0") problems.push("no User= of its own");
  if (one("Restart") !== "on-failure") problems.push("Restart= is not on-failure");
  if (!one("EnvironmentFile")) problems.push("no EnvironmentFile=");
  const state = one("StateDirectory");
  if (!state || one("WorkingDirectory") !== `/var/lib/${state}`) {
    problems.push("the bot does not run in its StateDirectory (the data folder)");
  }
  if (!unit.get("Install")?.get("WantedBy")) problems.push("no [Install] WantedBy=");
  return problems;
}

describe("deploy/ct-bot.service", () => {
  it("runs node on the built entry point as its own user, in its data folder", () => {
    expect(problemsOf(unitText)).toEqual([]);
  });

  it("does not hard-code where node is installed", () => {
    expect(unitText).not.toMatch(/^ExecStart=\/usr\/bin\/node\b/m);
  });

  it.each([
    ["User=ct-bot", "User=root"],
    ["Restart=on-failure", "Restart=always"],
    ["EnvironmentFile=/etc/ct-bot.env\n", ""],
    [
      "ExecStart=/usr/bin/env node --max-semi-space-size=4 --heap-growing-percent=30 /opt/ct-bot/dist/src/start.js",
      "ExecStart=/usr/bin/npm start",
    ],
    // main.js directly would skip the Node version check of start.js.
    [
      "ExecStart=/usr/bin/env node --max-semi-space-size=4 --heap-growing-percent=30 /opt/ct-bot/dist/src/start.js",
      "ExecStart=/usr/bin/env node --max-semi-space-size=4 --heap-growing-percent=30 /opt/ct-bot/dist/src/main.js",
    ],
    ["WorkingDirectory=/var/lib/ct-bot", "WorkingDirectory=/opt/ct-bot"],
    // npm start's node flags left out.
    ["env node --max-semi-space-size=4 --heap-growing-percent=30 /opt", "env node /opt"],
    [
      "env node --max-semi-space-size=4 --heap-growing-percent=30 /opt",
      "env node --max-semi-space-size=4 /opt",
    ],
  ])("notices when %s becomes %j", (from, to) => {
    const broken = unitText.replace(from, to);
    expect(broken).not.toBe(unitText);
    expect(problemsOf(broken)).not.toEqual([]);
  });
});
