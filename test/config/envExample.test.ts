/**
 * The README's three ways to run, each with a `.env` made from `.env.example`
 * by setting only DISCORD_TOKEN: `docker run --env-file`, compose, and
 * systemd's `EnvironmentFile=`. Each is simulated as its tool passes the file
 * to the process, and the Dockerfile's own RUN line that writes the image's
 * `/app/.env` is run in a shell. Also with an example of the old form, where
 * every optional setting is an empty line: an empty value is "not set".
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DockerfileParser, Env } from "dockerfile-ast";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { loadDotEnv } from "../../src/dotenv.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (name: string) => readFileSync(path.join(root, name), "utf8");
const token = "MTIz.fake.bot-token";

/** `.env.example` with only DISCORD_TOKEN set, as the README says. */
const fromExample = () =>
  read(".env.example").replace(/^DISCORD_TOKEN=$/m, `DISCORD_TOKEN=${token}`);
/** The old form: every commented-out setting as an empty line. */
const withEmptyLines = (text: string) => text.replace(/^# ([A-Z][A-Z0-9_]*=)$/gm, "$1");

/** How `docker run --env-file`, compose's env_file and systemd read such a file: KEY=value lines, empty values kept. */
function envFileLines(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || !line.includes("=")) continue;
    const at = line.indexOf("=");
    env[line.slice(0, at)] = line.slice(at + 1);
  }
  return env;
}

/** The runtime stage's ENV and the RUN that writes `.env` (in WORKDIR /app). */
function imageOf(dockerfile: string) {
  const instructions = DockerfileParser.parse(dockerfile).getInstructions();
  const lastFrom = instructions.findLastIndex((i) => i.getKeyword() === "FROM");
  const runtime = instructions.slice(lastFrom + 1);
  const env: Record<string, string> = {};
  for (const e of runtime.filter((i) => i instanceof Env))
    for (const p of e.getProperties()) env[p.getName()] = p.getValue() ?? "";
  const writesDotEnv = runtime.find(
    (i) =>
      i.getKeyword() === "RUN" &&
      /(^|[\s>])(\/app\/)?\.env\s*$/.test(i.getArgumentsContent() ?? ""),
  );
  return { env, writesDotEnv: writesDotEnv?.getArgumentsContent() ?? undefined };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for /app: the image's `.env` written by the Dockerfile's own RUN line. */
function imageWorkdir(dockerfile: string): { cwd: string; env: Record<string, string> } {
  const { env, writesDotEnv } = imageOf(dockerfile);
  const cwd = mkdtempSync(path.join(tmpdir(), "ct-image-app-"));
  dirs.push(cwd);
  if (writesDotEnv !== undefined)
    execFileSync("sh", ["-c", writesDotEnv.replace(/\/app\/\.env/g, ".env")], {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
    });
  return { cwd, env };
}

/** What the bot's entry does: .env, then the schema (without the data folder check: no /data here). */
function start(env: Record<string, string>, cwd: string) {
  const processEnv: NodeJS.ProcessEnv = { ...env };
  loadDotEnv(processEnv, cwd);
  return loadConfig(processEnv, { requireDiscordToken: true });
}

describe.each([
  ["the example as it is", fromExample],
  ["the example with empty lines", () => withEmptyLines(fromExample())],
])("%s, only DISCORD_TOKEN set", (_, example) => {
  it("docker run --env-file: the image's defaults apply (data on /data, health on 8080)", () => {
    const image = imageWorkdir(read("Dockerfile"));
    // --env-file values replace the image's ENV, empty ones included.
    const config = start({ ...image.env, ...envFileLines(example()) }, image.cwd);
    expect(config.DISCORD_TOKEN).toBe(token);
    expect(config.DATABASE_URL).toBe("sqlite:///data/bot.sqlite");
    expect(config.HEALTH_PORT).toBe(8080);
  });

  it("compose: its DATABASE_URL and the image's HEALTH_PORT apply", () => {
    const image = imageWorkdir(read("Dockerfile"));
    const composeUrl = /^\s+DATABASE_URL:\s*(\S+)\s*$/m.exec(read("compose.yaml"))?.[1];
    expect(composeUrl).toBe("sqlite:///data/bot.sqlite");
    const env = { ...image.env, ...envFileLines(example()), DATABASE_URL: composeUrl ?? "" };
    const config = start(env, image.cwd);
    expect(config.DATABASE_URL).toBe("sqlite:///data/bot.sqlite");
    expect(config.HEALTH_PORT).toBe(8080);
  });

  it("systemd EnvironmentFile=: the bot's own defaults apply (data under the working directory)", () => {
    const unit = read("deploy/ct-bot.service");
    expect(unit).toMatch(/^EnvironmentFile=\/etc\/ct-bot\.env$/m);
    const cwd = mkdtempSync(path.join(tmpdir(), "ct-state-"));
    dirs.push(cwd);
    const config = start({ NODE_ENV: "production", ...envFileLines(example()) }, cwd);
    expect(config.DATABASE_URL).toBe("sqlite://data/bot.sqlite");
    expect(config.HEALTH_PORT).toBeUndefined();
  });
});

describe("the image's defaults for empty values", () => {
  it("are lost without the Dockerfile's .env line (the check can fail)", () => {
    const { writesDotEnv } = imageOf(read("Dockerfile"));
    expect(writesDotEnv).toBeDefined();
    const without = read("Dockerfile").replace(`RUN ${writesDotEnv}`, "");
    const image = imageWorkdir(without);
    const config = start(
      { ...image.env, ...envFileLines(withEmptyLines(fromExample())) },
      image.cwd,
    );
    expect(config.DATABASE_URL).toBe("sqlite://data/bot.sqlite");
    expect(config.HEALTH_PORT).toBeUndefined();
  });

  it("never override a value the environment sets", () => {
    const image = imageWorkdir(read("Dockerfile"));
    const config = start(
      {
        ...image.env,
        DISCORD_TOKEN: token,
        HEALTH_PORT: "9100",
        DATABASE_URL: "sqlite:///srv/b.sqlite",
      },
      image.cwd,
    );
    expect(config.HEALTH_PORT).toBe(9100);
    expect(config.DATABASE_URL).toBe("sqlite:///srv/b.sqlite");
  });
});

describe(".env.example", () => {
  it("sets nothing but DISCORD_TOKEN, and only as an empty line", () => {
    expect(envFileLines(read(".env.example"))).toEqual({ DISCORD_TOKEN: "" });
  });
});
