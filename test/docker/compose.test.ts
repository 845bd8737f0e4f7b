import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// compose.yaml's promises, each also checked against a deliberately broken copy.
// (CI also runs `docker compose config` on it: scripts/ci-docker.sh.)
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

type Check = (text: string) => string[];

describe("compose.yaml", () => {
  const compose = readFileSync(join(root, "compose.yaml"), "utf8");

  /** The lines indented below `key:` (a block), or the inline value after it. */
  function block(text: string, key: string): { inline: string; lines: string[] } | undefined {
    const lines = text.split("\n");
    const at = lines.findIndex((l) => new RegExp(`^\\s*${key}:`).test(l));
    if (at < 0) return undefined;
    const indent = /^\s*/.exec(lines[at]!)![0].length;
    const inline = lines[at]!.slice(lines[at]!.indexOf(":") + 1).trim();
    const end = lines.findIndex(
      (l, i) => i > at && l.trim() !== "" && /^\s*/.exec(l)![0].length <= indent,
    );
    return { inline, lines: lines.slice(at + 1, end < 0 ? undefined : end).map((l) => l.trim()) };
  }

  const composeChecks: Record<string, Check> = {
    namedDataVolume(text) {
      const mount = /^\s+-\s+([\w.-]+):\/data\s*$/m.exec(text);
      if (!mount) return ["no `- name:/data` volume entry"];
      return new RegExp(`^volumes:\\n\\s+${mount[1]}:`, "m").test(text)
        ? []
        : [`volume ${mount[1]} is not declared under the top-level volumes:`];
    },
    buildsAndRestarts(text) {
      const problems: string[] = [];
      if (!/^\s+build:\s+\.\s*$/m.test(text)) problems.push("does not build the Dockerfile here");
      if (!/^\s+restart:\s+unless-stopped\s*$/m.test(text))
        problems.push("restart is not unless-stopped");
      return problems;
    },
    // Without a .env, `docker compose up` must still start the bot so it can say what is missing.
    optionalEnvFile(text) {
      const envFile = block(text, "env_file");
      if (!envFile) return ["reads no env_file"];
      if (envFile.inline)
        return [`env_file: ${envFile.inline} is required: compose fails without it`];
      const problems: string[] = [];
      if (!envFile.lines.some((l) => /^(-\s+)?path:\s+\.env$/.test(l)))
        problems.push("env_file has no path: .env");
      if (!envFile.lines.includes("required: false"))
        problems.push("env_file .env is not required: false");
      return problems;
    },
  };

  it.each(Object.keys(composeChecks))("passes %s", (name) => {
    expect(composeChecks[name]!(compose)).toEqual([]);
  });

  const breakages: [check: string, from: string | RegExp, to: string][] = [
    ["namedDataVolume", "- bot-data:/data", "- ./data:/data"],
    ["namedDataVolume", /^volumes:\n\s+bot-data:\n?/m, ""],
    ["buildsAndRestarts", /^\s+build: \.\n/m, ""],
    ["buildsAndRestarts", "restart: unless-stopped", 'restart: "no"'],
    ["optionalEnvFile", /env_file:\n(\s+[-\w].*\n)+/, "env_file: .env\n"],
    ["optionalEnvFile", "required: false", "required: true"],
    ["optionalEnvFile", /\n\s+required: false/, ""],
    ["optionalEnvFile", "path: .env", "path: bot.env"],
  ];

  it.each(breakages)("%s fails when %s becomes %j", (check, from, to) => {
    const broken = compose.replace(from, to);
    expect(broken, "the breakage must apply to the real compose.yaml").not.toBe(compose);
    expect(composeChecks[check]!(broken)).not.toEqual([]);
  });
});
