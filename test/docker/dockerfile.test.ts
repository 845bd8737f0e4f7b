import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Copy,
  DockerfileParser,
  Env,
  From,
  Healthcheck,
  type Instruction,
  JSONInstruction,
  ModifiableInstruction,
} from "dockerfile-ast";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (name: string) => readFileSync(join(root, name), "utf8");
const dockerfileText = read("Dockerfile");

interface Stage {
  name: string | null;
  /** Image after substituting the ARGs declared before the first FROM. */
  image: string;
  instructions: Instruction[];
}

function parseStages(text: string): Stage[] {
  const dockerfile = DockerfileParser.parse(text);
  const args = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    if (property) args.set(property.getName(), property.getValue() ?? "");
  }
  const stages: Stage[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction instanceof From) {
      const image = (instruction.getImage() ?? "").replace(
        /\$\{(\w+)\}|\$(\w+)/g,
        (_, a: string | undefined, b: string | undefined) => args.get(a ?? b ?? "") ?? "",
      );
      stages.push({ name: instruction.getBuildStage(), image, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

const ofKind = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.getKeyword() === keyword);

function words(instruction: Instruction): string[] {
  if (instruction instanceof JSONInstruction && instruction.getJSONStrings().length > 0) {
    return instruction.getJSONStrings().map((s) => s.getJSONValue());
  }
  return instruction.getArguments().map((a) => a.getValue());
}

const runText = (stage: Stage) => ofKind(stage, "RUN").map((r) => r.getArgumentsContent() ?? "");

/** The `--mount=...` flags of a RUN, each as its key=value options. */
function mounts(instruction: Instruction): Map<string, string | null>[] {
  if (!(instruction instanceof ModifiableInstruction)) return [];
  return instruction
    .getFlags()
    .filter((flag) => flag.getName() === "mount")
    .map((flag) => new Map(flag.getOptions().map((o) => [o.getName(), o.getValue()])));
}

/**
 * Walks a stage in order and hands every RUN to `visit` with the environment
 * npm sees there (ENV so far, names lower-cased as npm reads them) and the USER.
 */
function eachRun(
  stage: Stage,
  visit: (run: Instruction, env: Map<string, string>, user: string) => void,
) {
  const env = new Map<string, string>();
  let user = "root";
  for (const instruction of stage.instructions) {
    if (instruction instanceof Env) {
      for (const p of instruction.getProperties())
        env.set(p.getName().toLowerCase(), p.getValue() ?? "");
    } else if (instruction.getKeyword() === "USER") {
      user = (instruction.getArgumentsContent() ?? "").split(":")[0]!.trim();
    } else if (instruction.getKeyword() === "RUN") {
      visit(instruction, env, user);
    }
  }
}

/** npm commands that reach the registry (and may compile the sqlite3 addon). */
const registryRe = /\bnpm\s+(?:ci|install|i)\b/;

const installRe =
  /\b(?:npm\s+(?:ci|install|i|prune)|yarn(?:\s+install)?|pnpm\s+(?:install|i))\b[^&;|]*/g;
const omitsDev = (command: string) => /--omit[= ]dev|--production|--prod\b/.test(command);

type Check = (text: string) => string[];

const checks: Record<string, Check> = {
  multiStage(text) {
    const stages = parseStages(text);
    const problems: string[] = [];
    if (stages.length < 2)
      problems.push(`${stages.length} stage(s), want a build and a runtime stage`);
    if (stages.some((s) => !s.name))
      problems.push("every stage should be named (FROM ... AS name)");
    return problems;
  },

  baseImages(text) {
    const stages = parseStages(text);
    const names = new Set(stages.map((s) => s.name));
    const majors = new Set<number>();
    const problems: string[] = [];
    for (const { image } of stages) {
      if (names.has(image)) continue; // FROM an earlier stage
      const m =
        /^(?:docker\.io\/(?:library\/)?)?node:(\d+)(?:\.\d+){0,2}-(?:[a-z]+-)?slim(?:@sha256:[0-9a-f]{64})?$/.exec(
          image,
        );
      if (!m) {
        problems.push(`${image}: not a node:<major>[-<debian>]-slim image`);
        continue;
      }
      const major = Number(m[1]);
      // Even majors up to 26 are the LTS lines; from 27 on every major becomes LTS.
      if (major < 22 || (major % 2 === 1 && major < 27)) problems.push(`${image}: not an LTS line`);
      majors.add(major);
    }
    if (majors.size > 1)
      problems.push(`stages use different Node majors: ${[...majors].join(", ")}`);
    return problems;
  },

  nonRootUser(text) {
    const final = parseStages(text).at(-1)!;
    const user = ofKind(final, "USER").at(-1);
    if (!user) return ["final stage has no USER (runs as root)"];
    const name = (user.getArgumentsContent() ?? "").split(":")[0]!.trim();
    return name === "root" || name === "0" ? [`final stage runs as ${name}`] : [];
  },

  healthcheck(text) {
    const final = parseStages(text).at(-1)!;
    const hc = final.instructions.filter((i) => i instanceof Healthcheck).at(-1);
    if (!(hc instanceof Healthcheck)) return ["final stage has no HEALTHCHECK"];
    if (hc.getSubcommand()?.getValue().toUpperCase() !== "CMD") return ["HEALTHCHECK has no CMD"];
    const command = words(hc).join(" ");
    const problems: string[] = [];
    if (!/^CMD\s+(\S*\/)?node\b/i.test(command))
      problems.push("HEALTHCHECK should run node (no curl in slim)");
    if (!command.includes("/healthz")) problems.push("HEALTHCHECK should probe /healthz");
    return problems;
  },

  dataVolume(text) {
    const final = parseStages(text).at(-1)!;
    const problems: string[] = [];
    if (!ofKind(final, "VOLUME").some((v) => words(v).includes("/data"))) {
      problems.push("final stage declares no VOLUME /data");
    }
    if (!runText(final).some((r) => /chown\s+(-R\s+)?node(:node)?\s+(\S+\s+)*\/data\b/.test(r))) {
      problems.push("/data is not handed to the node user");
    }
    return problems;
  },

  initAndCmd(text) {
    const final = parseStages(text).at(-1)!;
    const problems: string[] = [];
    const entrypoint = ofKind(final, "ENTRYPOINT").at(-1);
    const init = entrypoint ? words(entrypoint) : [];
    if (!/(^|\/)(tini|tini-static|dumb-init)$/.test(init[0] ?? "")) {
      problems.push("ENTRYPOINT is not an init (tini) that forwards signals");
    }
    const cmd = ofKind(final, "CMD").at(-1);
    if (!(cmd instanceof JSONInstruction) || cmd.getJSONStrings().length === 0) {
      problems.push("CMD should be in exec (JSON) form");
    }
    const argv = cmd ? words(cmd) : [];
    if (!/(^|\/)node$/.test(argv[0] ?? "")) problems.push(`CMD runs ${argv[0]}, not node`);
    if (argv.some((a) => /\b(npm|yarn|pnpm)\b/.test(a)))
      problems.push("CMD goes through a package manager");
    // npm start's node flags and entry point, the same words in the same order.
    const start = JSON.parse(read("package.json")).scripts.start as string;
    const main = start.replace(/^node\s+/, "");
    if (argv.slice(1).join(" ") !== main)
      problems.push(`CMD runs ${argv.slice(1).join(" ")}, npm start runs ${main}`);
    return problems;
  },

  noDevDependencies(text) {
    const stages = parseStages(text);
    const final = stages.at(-1)!;
    const problems: string[] = [];
    for (const command of runText(final).flatMap((r) => r.match(installRe) ?? [])) {
      if (!omitsDev(command)) problems.push(`final stage runs "${command.trim()}"`);
    }
    for (const copy of final.instructions.filter((i) => i instanceof Copy)) {
      const sources = words(copy).slice(0, -1);
      if (!copy.getFromFlag() && sources.some((s) => s === "." || s.includes("node_modules"))) {
        problems.push(`final stage copies from the build context: ${sources.join(" ")}`);
      }
    }
    const modules = final.instructions.find(
      (i) =>
        i instanceof Copy &&
        words(i)
          .slice(0, -1)
          .some((s) => s.includes("node_modules")),
    );
    const fromName = modules instanceof Copy ? modules.getFromFlag()?.getValue() : undefined;
    if (fromName === undefined) {
      const installsProd = runText(final).some((r) => (r.match(installRe) ?? []).some(omitsDev));
      if (!installsProd) problems.push("final stage gets node_modules from nowhere");
      return problems;
    }
    const source = stages.find((s, index) => s.name === fromName || String(index) === fromName);
    if (!source) return [...problems, `node_modules copied from unknown stage ${fromName}`];
    // The last npm command that shapes node_modules in that stage must leave dev deps out.
    const last = runText(source)
      .flatMap((r) => r.match(installRe) ?? [])
      .at(-1);
    if (!last || !omitsDev(last)) {
      problems.push(`stage ${fromName} does not end with npm ci/prune --omit=dev (last: ${last})`);
    }
    return problems;
  },

  // npm prune keeps optional peers the dev tree installed (typescript for i18next): the
  // stage that node_modules comes from must prune to the production tree after it.
  prunesToProductionTree(text) {
    const stages = parseStages(text);
    const final = stages.at(-1)!;
    const copy = final.instructions.find(
      (i) => i instanceof Copy && words(i).some((w) => w.includes("node_modules")),
    );
    const fromName = copy instanceof Copy ? copy.getFromFlag()?.getValue() : undefined;
    const source = stages.find((s) => s.name === fromName);
    if (!source) return ["node_modules does not come from a named build stage"];
    const runs = runText(source).join("\n");
    const prune = runs.lastIndexOf("npm prune");
    const tree = runs.lastIndexOf("node scripts/production-tree.mjs --prune");
    if (tree < 0) return [`stage ${fromName} does not run production-tree.mjs --prune`];
    if (tree < prune) return ["production-tree.mjs --prune runs before npm prune"];
    const copied = source.instructions.some(
      (i) => i instanceof Copy && words(i).some((w) => w.includes("production-tree.mjs")),
    );
    return copied ? [] : ["scripts/production-tree.mjs is not copied into the build stage"];
  },

  // BuildKit fetches the frontend a `# syntax=` line names from a registry, so the
  // image could not be built offline or behind a registry mirror.
  noSyntaxDirective(text) {
    return DockerfileParser.parse(text)
      .getDirectives()
      .filter((d) => d.getName().toLowerCase() === "syntax")
      .map((d) => `"# syntax=${d.getValue()}" makes BuildKit fetch a frontend from a registry`);
  },

  // npm settings (mirror, CA, auth) come in as an optional build secret where npm
  // reads its user config, and never as a file or variable that stays in a layer.
  npmrcSecret(text) {
    const problems: string[] = [];
    for (const stage of parseStages(text)) {
      eachRun(stage, (run, env, user) => {
        const command = run.getArgumentsContent() ?? "";
        if (!registryRe.test(command)) return;
        const userconfig =
          env.get("npm_config_userconfig") ??
          (user === "root" || user === "0" ? "/root/.npmrc" : `~${user}/.npmrc`);
        const secret = mounts(run).find(
          (m) => m.get("type") === "secret" && m.get("id") === "npmrc",
        );
        if (!secret) {
          problems.push(`"${command}" has no secret mount id=npmrc`);
          return;
        }
        const target = secret.get("target") ?? secret.get("dst") ?? secret.get("destination");
        if (target !== userconfig) {
          problems.push(
            `the npmrc secret is mounted at ${target ?? "/run/secrets/npmrc"}, npm reads ${userconfig}`,
          );
        }
        if (secret.has("required") && secret.get("required") !== "false") {
          problems.push("the npmrc secret is required: a plain docker build would fail");
        }
      });
      for (const i of stage.instructions) {
        const keyword = i.getKeyword();
        if (
          (keyword === "COPY" || keyword === "ADD") &&
          words(i)
            .slice(0, -1)
            .some((w) => w.includes("npmrc"))
        ) {
          problems.push(`${keyword} puts an npmrc into a layer`);
        }
        if (
          (keyword === "ARG" || keyword === "ENV") &&
          /npm_?token|_auth/i.test(i.getArgumentsContent() ?? "")
        ) {
          problems.push(
            `${keyword} ${i.getArgumentsContent()} keeps an npm credential in the image`,
          );
        }
      }
    }
    return problems;
  },

  // node-gyp would download Node's headers when no prebuilt sqlite3 fits; the
  // base image ships them under /usr/local/include/node.
  nodeHeadersFromImage(text) {
    const problems: string[] = [];
    for (const stage of parseStages(text)) {
      eachRun(stage, (run, env) => {
        const command = run.getArgumentsContent() ?? "";
        if (!registryRe.test(command)) return;
        const inline = /(?:npm_config_nodedir=|--nodedir[= ])(\S+)/i.exec(command)?.[1];
        const nodedir = inline ?? env.get("npm_config_nodedir");
        if (nodedir !== "/usr/local") {
          problems.push(`"${command}" runs with nodedir ${nodedir ?? "unset"}, want /usr/local`);
        }
      });
    }
    return problems;
  },

  environment(text) {
    const final = parseStages(text).at(-1)!;
    const env = new Map<string, string>();
    for (const e of final.instructions.filter((i) => i instanceof Env)) {
      for (const p of e.getProperties()) env.set(p.getName(), p.getValue() ?? "");
    }
    const problems: string[] = [];
    if (env.get("NODE_ENV") !== "production") problems.push("NODE_ENV is not production");
    if (!env.get("DATABASE_URL")?.startsWith("sqlite:///data/")) {
      problems.push("DATABASE_URL does not point into /data");
    }
    const port = env.get("HEALTH_PORT");
    if (!port || !/^\d+$/.test(port)) problems.push("HEALTH_PORT is not set");
    const exposed = ofKind(final, "EXPOSE").flatMap(words);
    if (port && !exposed.some((e) => e.split("/")[0] === port)) {
      problems.push(`HEALTH_PORT ${port} is not EXPOSEd`);
    }
    return problems;
  },

  /** An empty `HEALTH_PORT=` from `--env-file` replaces an ENV default; the bot's .env fills it back. */
  defaultsForEmptyValues(text) {
    const final = parseStages(text).at(-1)!;
    const names = final.instructions
      .filter((i) => i instanceof Env)
      .flatMap((e) => e.getProperties().map((p) => p.getName()))
      .filter((name) => name !== "NODE_ENV");
    const writer = runText(final).find((run) => /(^|[\s>])(\/app\/)?\.env\s*$/.test(run));
    if (!writer) return ["no RUN writes the image's defaults into /app/.env"];
    return names
      .filter((name) => !writer.includes(`${name}=`) || !writer.includes(`"$${name}"`))
      .map((name) => `/app/.env does not repeat the ENV default ${name}`);
  },

  /** The build stage has every folder tsconfig.build.json compiles (locales/: the texts). */
  copiesBuildInputs(text) {
    const build = parseStages(text)[0]!;
    const copied = ofKind(build, "COPY").flatMap((c) => words(c).slice(0, -1));
    const include = (JSON.parse(read("tsconfig.build.json")) as { include: string[] }).include;
    const folders = [...new Set(include.map((path) => path.split("/")[0]!))];
    return folders.filter((f) => !copied.includes(f)).map((f) => `${f}/ is not copied to build`);
  },
};

describe("Dockerfile", () => {
  it.each(Object.keys(checks))("passes %s", (name) => {
    expect(checks[name]!(dockerfileText)).toEqual([]);
  });

  // Each check must notice when its promise is broken.
  const breakages: [check: string, from: string | RegExp, to: string][] = [
    ["multiStage", /FROM \$\{NODE_IMAGE\} AS runtime\n/, ""],
    ["multiStage", "AS runtime", ""],
    ["copiesBuildInputs", "COPY locales ./locales\n", ""],
    ["baseImages", "node:26-trixie-slim", "node:26-trixie"],
    ["baseImages", "node:26-trixie-slim", "node:25-trixie-slim"],
    ["baseImages", /FROM \S+ AS runtime/, "FROM node:24-bookworm-slim AS runtime"],
    ["nonRootUser", "USER node", "USER root"],
    ["nonRootUser", "USER node", "USER 0:0"],
    ["nonRootUser", "USER node\n", ""],
    ["healthcheck", /HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ""],
    ["healthcheck", /HEALTHCHECK[^\n]*\\\n[^\n]*\n/, "HEALTHCHECK NONE\n"],
    ["healthcheck", /CMD node -e "[^\n]*"/, "CMD curl -f http://127.0.0.1:8080/healthz"],
    ["dataVolume", "VOLUME /data", "VOLUME /srv"],
    ["dataVolume", "chown node:node /data", "true"],
    ["initAndCmd", /ENTRYPOINT[^\n]*\n/, ""],
    [
      "initAndCmd",
      '["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/src/start.js"]',
      '["npm", "start"]',
    ],
    [
      "initAndCmd",
      '["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/src/start.js"]',
      "node dist/src/main.js",
    ],
    [
      "initAndCmd",
      '["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/src/start.js"]',
      '["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/main.js"]',
    ],
    [
      "initAndCmd",
      '["node", "--max-semi-space-size=4", "--heap-growing-percent=30", "dist/src/start.js"]',
      '["node", "dist/src/start.js"]',
    ],
    ["noDevDependencies", "npm prune --omit=dev", "npm prune"],
    ["noDevDependencies", " \\\n  && npm prune --omit=dev --no-audit --no-fund", ""],
    ["noDevDependencies", "VOLUME /data", "RUN npm ci\nVOLUME /data"],
    ["noDevDependencies", "COPY --from=build /app/node_modules", "COPY node_modules"],
    ["prunesToProductionTree", " \\\n  && node scripts/production-tree.mjs --prune", ""],
    ["prunesToProductionTree", "COPY scripts/production-tree.mjs ./scripts/\n", ""],
    ["noSyntaxDirective", /^/, "# syntax=docker/dockerfile:1\n"],
    ["noSyntaxDirective", /^/, "# syntax = docker/dockerfile:1.7\n\n"],
    ["npmrcSecret", "  --mount=type=secret,id=npmrc,target=/root/.npmrc \\\n", ""],
    ["npmrcSecret", "type=secret,id=npmrc", "type=secret,id=npm"],
    ["npmrcSecret", "target=/root/.npmrc", "target=/run/secrets/npmrc"],
    ["npmrcSecret", "target=/root/.npmrc", "target=/root/.npmrc,required=true"],
    [
      "npmrcSecret",
      "COPY package.json package-lock.json ./",
      "COPY package.json package-lock.json .npmrc ./",
    ],
    [
      "npmrcSecret",
      "WORKDIR /app\nCOPY package.json",
      "ARG NPM_TOKEN\nWORKDIR /app\nCOPY package.json",
    ],
    ["nodeHeadersFromImage", "ENV npm_config_nodedir=/usr/local\n", ""],
    [
      "nodeHeadersFromImage",
      "npm_config_nodedir=/usr/local",
      "npm_config_nodedir=/usr/local/include/node",
    ],
    ["nodeHeadersFromImage", /(ENV npm_config_nodedir=\S+\n)([\s\S]*?npm ci[^\n]*\n)/, "$2$1"],
    ["environment", "NODE_ENV=production", "NODE_ENV=development"],
    ["environment", "sqlite:///data/bot.sqlite", "sqlite://./bot.sqlite"],
    ["environment", "EXPOSE 8080", "EXPOSE 9090"],
    ["defaultsForEmptyValues", /RUN printf [^\n]*>\.env\n/, ""],
    ["defaultsForEmptyValues", '"$HEALTH_PORT" >.env', '"$HEALTH_PORT" >/tmp/.env'],
    ["defaultsForEmptyValues", ' "$HEALTH_PORT"', ' "8080"'],
    [
      "defaultsForEmptyValues",
      "  HEALTH_PORT=8080",
      "  HEALTH_PORT=8080 \\\n  HEALTH_HOST=0.0.0.0",
    ],
  ];

  it.each(breakages)("%s fails when %s becomes %j", (check, from, to) => {
    const broken = dockerfileText.replace(from, to);
    expect(broken, "the breakage must apply to the real Dockerfile").not.toBe(dockerfileText);
    expect(checks[check]!(broken)).not.toEqual([]);
  });
});

describe(".dockerignore", () => {
  const patterns = read(".dockerignore")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => line.replace(/^\/|^\*\*\//, "").replace(/\/$/, ""));

  it.each(["node_modules", ".env", ".npmrc", "data", "dist", ".git"])("excludes %s", (path) => {
    expect(patterns).toContain(path);
    expect(patterns).not.toContain(`!${path}`);
  });
});
