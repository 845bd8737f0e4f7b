/**
 * One contender of the light bench as a child process against a World: the bot as it runs in
 * production (`node <npm start's flags> dist/src/main.js`) or the naive stand-in
 * (`node dist/bench/light/naive.js`), both compiled beforehand (build.ts) so neither pays for a
 * TypeScript loader.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cpuMs, memory, sleep, waitFor } from "./proc.js";
import { encryptionKey, type World } from "./world.js";

export const root = path.resolve(import.meta.dirname, "../..");

export type Kind = "bot" | "naive";

/**
 * The node flags the bot runs with in production: npm start's (package.json; the Dockerfile's CMD
 * and the systemd unit repeat them, test/docker checks). LIGHT_BOT_NODE_FLAGS replaces them for a
 * comparison ("none": plain node).
 */
export function botNodeFlags(): string[] {
  const override = process.env.LIGHT_BOT_NODE_FLAGS;
  if (override !== undefined) return override === "none" ? [] : override.split(/\s+/);
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  return (pkg.scripts.start as string).split(/\s+/).filter((word) => word.startsWith("--"));
}

export interface RunOptions {
  intervalS: number;
  warmupS: number;
  idleS: number;
  /** `--cpu-prof` into this folder (the whole life; profile.ts cuts out the idle window). */
  cpuProfDir?: string | undefined;
  /** More node options (e.g. --heapsnapshot-signal). */
  nodeArgs?: string[];
  /** Extra environment for the child. */
  env?: Record<string, string>;
}

export interface Figures {
  kind: Kind;
  sessions: number;
  requests: number;
  bytes: number;
  intervals: number;
  cpuMs: number;
  idleMs: number;
  idleRssMiB: number;
  peakRssMiB: number;
  /** From spawn: READY log line (bot) / ready line (naive), first tracker request. */
  readyMs: number;
  firstPollMs: number;
}

export interface Running {
  child: ChildProcess;
  output(): string;
  spawnedAt: number;
  stop(): Promise<void>;
}

export function spawnContender(kind: Kind, world: World, options: RunOptions): Running {
  const subsFile = path.join(world.dir, "naive-subs.json");
  if (kind === "naive") writeFileSync(subsFile, JSON.stringify(world.subs));
  const script = kind === "bot" ? "dist/src/main.js" : "dist/bench/light/naive.js";
  const args = [
    ...(options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    ...(kind === "bot" ? botNodeFlags() : []),
    ...(options.nodeArgs ?? []),
    script,
  ];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ENV_FILE: "/nonexistent/.env",
      DISCORD_TOKEN: world.discord.botToken,
      DISCORD_API_URL: world.discord.apiUrl,
      TRACKER_API_URL: world.tracker.url,
      DATABASE_URL: world.databaseUrl,
      TOKEN_ENCRYPTION_KEY: encryptionKey,
      POLL_INTERVAL_SECONDS: String(options.intervalS),
      TRACKER_MAX_REQUESTS_PER_MINUTE: "6000",
      LOG_LEVEL: "info",
      NAIVE_DB: path.join(world.dir, "naive.sqlite"),
      NAIVE_SUBS: subsFile,
      ...options.env,
      ...(process.env.NAIVE_SPREAD && { NAIVE_SPREAD: process.env.NAIVE_SPREAD }),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    spawnedAt: Date.now(),
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(20_000)]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** Start, warm up, measure `idleS` of idle polling from outside, stop. */
export async function measure(kind: Kind, world: World, options: RunOptions): Promise<Figures> {
  const run = spawnContender(kind, world, options);
  const pid = run.child.pid as number;
  try {
    const readyText = kind === "bot" ? '"msg":"ready: polling' : '"msg":"naive ready"';
    await waitFor(`${kind} ready`, 120_000, () => run.output().includes(readyText));
    const readyMs = Date.now() - run.spawnedAt;
    await waitFor(`${kind}'s first poll`, 120_000, () => world.tracker.requests.length > 0);
    const firstPollMs = (world.tracker.requests[0]?.at ?? Date.now()) - run.spawnedAt;
    await sleep(options.warmupS * 1000);
    world.tracker.resetRequests();
    const cpuStart = cpuMs(pid);
    const started = performance.now();
    const rss: number[] = [];
    for (let s = 0; s < options.idleS; s++) {
      await sleep(1000);
      rss.push(memory(pid).rssMiB);
    }
    const idleMs = performance.now() - started;
    const cpu = cpuMs(pid) - cpuStart;
    const requests = world.tracker.requests.filter((r) => r.at >= 0);
    return {
      kind,
      sessions: world.subs.length,
      requests: requests.length,
      bytes: requests.reduce((sum, r) => sum + (r.responseBytes ?? 0), 0),
      intervals: idleMs / 1000 / options.intervalS,
      cpuMs: cpu,
      idleMs,
      idleRssMiB: rss.reduce((a, b) => a + b, 0) / rss.length,
      peakRssMiB: memory(pid).peakMiB,
      readyMs,
      firstPollMs,
    };
  } catch (err) {
    process.stderr.write(run.output().slice(-4000));
    throw err;
  } finally {
    await run.stop();
  }
}
