/**
 * The four import rules of issue 25, checked over the real source files with the TypeScript
 * parser (every `import`, `import type`, `export ... from` and `import()`; relative paths
 * resolved), transitively: a rule holds for everything a file reaches, not only for what it names.
 *
 * (a) src/util imports nothing of the project: only other src/util files (the `Clock` interface
 *     the timer helpers take lives there too, src/util/clock.ts).
 * (b) The poller (src/poller/**) and the router (src/discord/router.ts and the routing layer it
 *     is made of: src/discord/command.ts, src/discord/userMessages.ts) do not know each other:
 *     neither reaches the other.
 * (c) The router knows no feature: what it reaches lies in src/discord, src/i18n, src/store,
 *     src/tracker (the tracker client and its typed errors, which the router turns into the
 *     member's message), src/util, src/format or the root modules clock, log, config, dataDir,
 *     databaseUrl. The features are listed below; every folder of src/ must be in one list.
 * (d) The poller imports no Discord module: no poller file imports `discord.js` or `@discordjs/*`
 *     (not even a type), none reaches src/discord/**, and nothing it reaches loads discord.js
 *     (the message payload types src/format builds for `deliver` are type-only imports).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { brokenRules, type ImportRule, readImportGraph } from "./importGraph.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Top-level parts of src/ the router may reach: the layers below the features. */
const infrastructure = ["discord", "i18n", "store", "tracker", "util", "format"];
const rootModules = ["log.ts", "config.ts", "dataDir.ts", "databaseUrl.ts"];
/** What the bot does for members: the router must know none of it. */
const features = [
  "announce",
  "cards",
  "digest",
  "feeds",
  "histories",
  "leaderboard",
  "pictures",
  "play",
  "poller",
  "privacy",
  "roles",
  "subscriptions",
];
/** The composition and process level: wires features together, above all of them. */
const composition = ["startup", "replicas", "health"];
const compositionModules = [
  "bot.ts",
  "botContext.ts",
  "main.ts",
  "start.ts",
  "cli.ts",
  "deployCommands.ts",
  "dotenv.ts",
  "nodeVersion.ts",
];

const routerLayer = [
  "src/discord/router.ts",
  "src/discord/command.ts",
  "src/discord/userMessages.ts",
];
const inPoller = (file: string) => file.startsWith("src/poller/");
const isDiscordPackage = (pkg: string) => pkg === "discord.js" || pkg.startsWith("@discordjs/");

/** The rules over a tree laid out like this project's (`src/...`, `commands/...`). */
const importRules: ImportRule[] = [
  {
    name: "(a) src/util imports nothing of the project",
    from: (f) => f.startsWith("src/util/"),
    mustNotReach: (f) => !f.startsWith("src/util/"),
    direct: true,
  },
  {
    name: "(b) the poller does not reach the router",
    from: inPoller,
    mustNotReach: (f) => routerLayer.includes(f),
  },
  {
    name: "(b) the router does not reach the poller",
    from: (f) => routerLayer.includes(f),
    mustNotReach: inPoller,
  },
  {
    name: "(c) the router knows no feature",
    from: (f) => routerLayer.includes(f),
    mustNotReach: (f) =>
      f.startsWith("commands/") ||
      features.some((d) => f.startsWith(`src/${d}/`)) ||
      composition.some((d) => f.startsWith(`src/${d}/`)) ||
      compositionModules.some((m) => f === `src/${m}`),
  },
  {
    name: "(d) the poller imports no Discord module",
    from: inPoller,
    mustNotReach: (f) => f.startsWith("src/discord/"),
    mustNotImportPackage: isDiscordPackage,
    mustNotLoadPackage: isDiscordPackage,
  },
];

describe("import rules over src/ and commands/", () => {
  const graph = readImportGraph(root, ["src", "commands"]);

  it("reads the real tree (the rules speak for files that exist)", () => {
    expect(graph.files.size).toBeGreaterThan(200);
    for (const file of routerLayer) expect(graph.files.has(file)).toBe(true);
    expect([...graph.files.keys()].filter(inPoller).length).toBeGreaterThan(15);
    expect([...graph.files.keys()].filter((f) => f.startsWith("src/util/")).length).toBeGreaterThan(
      3,
    );
  });

  it("holds every rule", () => {
    expect(brokenRules(graph, importRules)).toEqual([]);
  });

  it("classifies every folder and module of src/ (a new one must be placed in a list)", () => {
    const known = new Set([
      ...infrastructure,
      ...rootModules,
      ...features,
      ...composition,
      ...compositionModules,
    ]);
    const unknown = readdirSync(join(root, "src")).filter(
      (entry) =>
        !known.has(entry) &&
        (statSync(join(root, "src", entry)).isDirectory() || entry.endsWith(".ts")),
    );
    expect(unknown).toEqual([]);
  });
});

describe("the checker catches a broken rule", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A tiny tree that keeps every rule, plus `extra` files (path -> source). */
  function tree(extra: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), "import-rules-"));
    dirs.push(dir);
    const files: Record<string, string> = {
      "src/util/clock.ts": "export interface Clock { now(): number }\n",
      "src/util/limit.ts": 'import type { Clock } from "./clock.js";\nexport const x = 1;\n',
      "src/discord/router.ts": 'import { t } from "../i18n/index.js";\nexport const r = t;\n',
      "src/discord/command.ts": 'import type { ButtonInteraction } from "discord.js";\n',
      "src/discord/userMessages.ts": 'import { E } from "../tracker/errors.js";\nexport { E };\n',
      "src/discord/permissions.ts": 'import { PermissionFlagsBits } from "discord.js";\n',
      "src/i18n/index.ts": "export const t = 1;\n",
      "src/tracker/errors.ts": "export class E {}\n",
      "src/format/delivery.ts":
        'import type { APIEmbed } from "discord.js";\nexport type P = APIEmbed;\n',
      "src/play/panels.ts": "export const panels = 1;\n",
      "src/poller/poller.ts":
        'import type { P } from "../format/delivery.js";\nexport type Q = P;\n',
      ...extra,
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }
  const check = (dir: string) =>
    brokenRules(readImportGraph(dir, ["src", "commands"]), importRules);

  it("passes the clean tree", () => {
    expect(check(tree())).toEqual([]);
  });

  it.each([
    ["(a)", "src/util/pages.ts", 'import type { E } from "../tracker/errors.js";\n'],
    ["(a)", "src/util/clock.ts", 'import { t } from "../i18n/index.js";\nexport const c = t;\n'],
    [
      "(b) the poller does not reach the router",
      "src/poller/route.ts",
      'export { r } from "../discord/router.js";\n',
    ],
    [
      "(b) the router does not reach the poller",
      "src/discord/command.ts",
      'import type { Q } from "../poller/poller.js";\n',
    ],
    // One hop away: the router names a file of its own folder that knows a feature.
    [
      "(c)",
      "src/discord/router.ts",
      'import { ctx } from "./context.js";\nexport const r = ctx;\n',
    ],
    [
      "(d)",
      "src/poller/locale.ts",
      'import type { Locale } from "discord.js";\nexport type L = Locale;\n',
    ],
    ["(d)", "src/poller/perm.ts", 'const p = await import("../discord/permissions.js");\n'],
    // A payload builder the poller uses that loads discord.js at run time.
    [
      "(d)",
      "src/format/delivery.ts",
      'import { EmbedBuilder } from "discord.js";\nexport type P = EmbedBuilder;\n',
    ],
  ])("reports %s for %s", (rule, path, text) => {
    const extra: Record<string, string> = { [path]: text };
    // The (c) case: the context the router reaches imports a feature.
    if (rule === "(c)")
      extra["src/discord/context.ts"] = 'export { panels as ctx } from "../play/panels.js";\n';
    const broken = check(tree(extra));
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.some((line) => line.startsWith(rule))).toBe(true);
  });
});
