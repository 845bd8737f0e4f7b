/** The bot as a separate process (`node --import tsx src/main.ts`), for kill and signal tests. */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type FakeDiscord, startFakeDiscord } from "../fakes/discord/index.js";
import { type FakeTracker, startFakeTracker } from "../fakes/tracker.js";

const root = path.resolve(import.meta.dirname, "../..");

export interface ChildBot {
  process: ChildProcess;
  output(): string;
  /** The pid the bot logged (with `npm start`, the node process under npm). */
  botPid(): number | undefined;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnBot(
  env: Record<string, string>,
  command: string[] = ["--import", "tsx", "src/main.ts"],
  executable: string = process.execPath,
): ChildBot {
  let output = "";
  const child = spawn(executable, command, {
    cwd: root,
    // ENV_FILE: a developer's own .env in the repository must not leak into these tests.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ENV_FILE: "/nonexistent/.env",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const botPid = () => {
    const match = /"pid":(\d+)/.exec(output);
    return match?.[1] ? Number(match[1]) : undefined;
  };
  return { process: child, output: () => output, botPid, exited };
}

export interface ChildFakes {
  discord: FakeDiscord;
  tracker: FakeTracker;
  /** A temp folder for database files, removed after the test file. */
  dir: string;
  /** Like spawnBot; the child is SIGKILLed after the test file if still running. */
  spawn(...args: Parameters<typeof spawnBot>): ChildBot;
}

/** Fakes for bots run as child processes: started before the test file, closed after it. */
export function useChildFakes(): ChildFakes {
  const children: ChildBot[] = [];
  const fakes = {
    spawn(...args: Parameters<typeof spawnBot>) {
      const child = spawnBot(...args);
      children.push(child);
      return child;
    },
  } as ChildFakes;
  beforeAll(async () => {
    fakes.tracker = await startFakeTracker();
    fakes.discord = await startFakeDiscord();
    fakes.dir = await mkdtemp(path.join(tmpdir(), "ct-bot-child-"));
  });
  afterAll(async () => {
    for (const c of children) c.process.kill("SIGKILL");
    await Promise.all([fakes.discord.close(), fakes.tracker.close()]);
    await rm(fakes.dir, { recursive: true, force: true });
  });
  return fakes;
}
