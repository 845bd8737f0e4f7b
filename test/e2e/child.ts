/** The bot as a separate process (`node --import tsx src/main.ts`), for kill and signal tests. */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

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
