import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { dataFolderProblem, ensureDataFolder } from "../../src/dataDir.js";

function problemsOf(env: Record<string, string>, cwd?: string): string[] {
  try {
    loadConfig(env, { checkDataFolder: true, ...(cwd && { cwd }) });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ct-dburl-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("DATABASE_URL in the configuration check", () => {
  it("joins the one list of problems when its scheme is wrong", () => {
    const problems = problemsOf({
      DATABASE_URL: "ftp://x",
      POLL_INTERVAL_SECONDS: "soon",
      LOG_LEVEL: "loud",
    });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/DATABASE_URL must start with sqlite:\/\/.*got ftp:\/\//);
  });

  it.each([
    ["sqlite:/data/bot.sqlite", /DATABASE_URL must look like sqlite:\/\/data\/bot.sqlite/],
    ["sqlite:data.sqlite", /DATABASE_URL must look like/],
    ["sqlite://", /sqlite:\/\/ needs a file path/],
    ["sqlite:///var/lib/ct-bot/", /names a folder/],
    ["sqlite://~/bot.sqlite", /"~" is not expanded/],
    ["bot.sqlite", /got no scheme/],
  ])("says what is wrong with the form of %s", (url, pattern) => {
    expect(problemsOf({ DATABASE_URL: url }, dir).join("\n")).toMatch(pattern);
  });

  it("accepts the documented forms and other keyv adapters", () => {
    for (const url of [`sqlite://${dir}/bot.sqlite`, "redis://localhost:6379"]) {
      expect(problemsOf({ DATABASE_URL: url, TOKEN_ENCRYPTION_KEY: "ab".repeat(32) }, dir)).toEqual(
        [],
      );
    }
    expect(problemsOf({ DATABASE_URL: "sqlite://data/bot.sqlite" }, dir)).toEqual([]);
  });

  it("lists a folder that cannot be created with the other problems, naming the folder", async () => {
    const file = path.join(dir, "a-file");
    await writeFile(file, "x");
    const problems = problemsOf({
      DATABASE_URL: `sqlite://${file}/sub/bot.sqlite`,
      POLL_CONCURRENCY: "lots",
    });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toBe(
      `DATABASE_URL: the data folder ${file}/sub cannot be used (${file} is a file, not a folder); point DATABASE_URL at a folder the bot may write to`,
    );
  });

  it("fails at once on a path below /proc, where recursive mkdir would spin", () => {
    const problems = problemsOf({ DATABASE_URL: "sqlite:///proc/nonexistent-dir/that/x.sqlite" });
    expect(problems).toEqual([
      expect.stringMatching(
        /^DATABASE_URL: the data folder \/proc\/nonexistent-dir\/that cannot be used \(\/proc does not accept new folders\)/,
      ),
    ]);
  });

  it("leaves nothing behind when it probes a folder", async () => {
    const parent = path.join(dir, "probe");
    await mkdir(parent);
    expect(dataFolderProblem(path.join(parent, "later", "data"))).toBeUndefined();
    expect(await readdir(parent)).toEqual([]);
  });

  it("is skipped unless asked for (tests and the deploy script)", () => {
    expect(() =>
      loadConfig({ DATABASE_URL: "sqlite:///proc/nonexistent-dir/x.sqlite" }),
    ).not.toThrow();
  });
});

describe("ensureDataFolder", () => {
  it("creates the missing levels", async () => {
    const target = path.join(dir, "one", "two", "three");
    await ensureDataFolder(target);
    expect(await readdir(path.join(dir, "one", "two"))).toEqual(["three"]);
  });

  it("fails naming DATABASE_URL and the folder below /proc", async () => {
    await expect(ensureDataFolder("/proc/nonexistent-dir/that")).rejects.toThrow(
      /^DATABASE_URL: the data folder \/proc\/nonexistent-dir\/that cannot be used/,
    );
  });
});
