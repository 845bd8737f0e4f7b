/**
 * `npm run bench:light`: the bot next to the naive stand-in (naive.ts), back to back in one
 * run, each as its own process against the same kind of world: N linked members each
 * following one session (10 history items), 3 s interval, warm-up, then 30 s idle measured
 * from outside (/proc). Repeats the pair (LIGHT_ROUNDS, default 2): the box is shared.
 * The warm-up is 60 s for both: a bot runs for weeks, and in the first seconds V8 is still
 * compiling (about 230 compiles in a 9 s-warm window, against 5 collections), which measures
 * the JIT, not the poll loop. LIGHT_WARMUP_S=9 gives the first rounds' setting.
 * Args: [sessions=200]. Env: LIGHT_IDLE_S, LIGHT_WARMUP_S, LIGHT_ROUNDS, LIGHT_CPU_PROF (a
 * folder: --cpu-prof for both), LIGHT_ONLY=bot|naive, LIGHT_SKIP_BUILD.
 */
import { buildContenders } from "./build.js";
import { type Figures, type Kind, measure } from "./contender.js";
import { startWorld } from "./world.js";

const sessions = Number(process.argv[2] ?? "200");
const intervalS = 3;
const idleS = Number(process.env.LIGHT_IDLE_S ?? "30");
const warmupS = Number(process.env.LIGHT_WARMUP_S ?? "60");
const rounds = Number(process.env.LIGHT_ROUNDS ?? "2");

async function one(kind: Kind): Promise<Figures> {
  const world = await startWorld({
    members: sessions,
    guilds: Math.ceil(sessions / 4),
    itemsPerSession: 10,
  });
  try {
    return await measure(kind, world, {
      intervalS,
      warmupS,
      idleS,
      cpuProfDir: process.env.LIGHT_CPU_PROF,
    });
  } finally {
    await world.close();
  }
}

export function table(pairs: Figures[]): string {
  const cols = pairs.map((f) => {
    const perSessionInterval = f.sessions * f.intervals;
    return [
      f.kind === "bot" ? "this bot" : "naive stand-in",
      (f.requests / perSessionInterval).toFixed(2),
      `${Math.round(f.bytes / perSessionInterval).toLocaleString("en")} B`,
      `${((f.cpuMs / f.idleMs) * 100).toFixed(1)} % (${f.requests ? (f.cpuMs / f.requests).toFixed(2) : "-"} ms per request)`,
      `${f.peakRssMiB.toFixed(0)} MiB / ${f.idleRssMiB.toFixed(0)} MiB`,
    ];
  });
  const rows = [
    "figure",
    "tracker requests per session per interval",
    "response bytes per session per interval",
    "CPU while idle (% of a core, per tracker request)",
    "RSS peak / idle mean",
  ];
  const lines = [
    `| ${rows[0]} | ${cols.map((c) => c[0]).join(" | ")} |`,
    `|---|${cols.map(() => "---|").join("")}`,
  ];
  for (let r = 1; r < rows.length; r++)
    lines.push(`| ${rows[r]} | ${cols.map((c) => c[r]).join(" | ")} |`);
  return lines.join("\n");
}

buildContenders();
for (let round = 1; round <= rounds; round++) {
  // LIGHT_ONLY=bot or naive: just the one (for a profile).
  const only = process.env.LIGHT_ONLY;
  const naive = only === "bot" ? undefined : await one("naive");
  const bot = only === "naive" ? undefined : await one("bot");
  console.log(
    `\nlight, round ${round}: ${sessions} sessions, ${intervalS} s interval, ${idleS} s idle after ${warmupS} s warm-up`,
  );
  console.log(table([bot, naive].filter((f) => f !== undefined)));
}
