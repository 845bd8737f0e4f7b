#!/usr/bin/env node
// Compiles the TypeScript sources when dist/ is missing or older than them, so
// `npm start` never runs stale JavaScript. Plain Node, no dependencies: it has
// to work before anything is built and in a production install without dev deps.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const output = join(root, "dist", "src", "main.js");
// Left behind by a failed compile: tsc still emits JavaScript on type errors,
// which would otherwise look up to date on the next start.
const failedMarker = join(root, "dist", ".build-failed");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
// locales/: the JSON texts the build copies into dist/ (tsconfig.build.json).
const sourceDirs = ["src", "commands", "locales"];
const sourceFile = /\.([cm]?ts|json)$/;

/**
 * The bot's own Node.js check (src/nodeVersion.ts, once built): an unsupported Node is refused
 * in one line here too, before a build that is of no use and before `deploy-commands` loads
 * discord.js. Without a build yet there is nothing to ask; start.js checks after the build.
 */
async function refuseUnsupportedNode() {
  const helper = join(root, "dist", "src", "nodeVersion.js");
  if (!existsSync(helper)) return;
  const { nodeVersionProblem } = await import(pathToFileURL(helper).href);
  const problem = nodeVersionProblem?.(process.versions.node);
  if (problem === undefined) return;
  console.error(problem);
  process.exit(1);
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The first input newer than `since`, or undefined. Directories count too: a rename keeps the file's mtime. */
function newerInput(since) {
  const rootFiles = readdirSync(root).filter(
    (name) => name === "package.json" || /^tsconfig.*\.json$/.test(name),
  );
  for (const name of rootFiles) {
    if ((mtime(join(root, name)) ?? 0) > since) return name;
  }
  const stack = sourceDirs.map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
  while (stack.length > 0) {
    const dir = stack.pop();
    if ((mtime(dir) ?? 0) > since) return relative(root, dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules") stack.push(path);
      } else if (sourceFile.test(entry.name) && (mtime(path) ?? 0) > since) {
        return relative(root, path);
      }
    }
  }
  return undefined;
}

function staleReason() {
  const built = mtime(output);
  if (built === undefined) return "dist/src/main.js is missing";
  if (existsSync(failedMarker)) return "the last build failed";
  const input = newerInput(built);
  return input === undefined ? undefined : `${input} changed since the last build`;
}

await refuseUnsupportedNode();
const reason = staleReason();
if (reason === undefined) process.exit(0);

if (!existsSync(tsc)) {
  if (existsSync(output)) {
    // A production install (no dev dependencies) runs what it was shipped with.
    console.error(`ensure-build: ${reason}, but TypeScript is not installed; running dist/ as is.`);
    process.exit(0);
  }
  console.error(
    "ensure-build: dist/src/main.js is missing and TypeScript is not installed.\n" +
      "Install the dev dependencies (npm ci) and run `npm run build`, or use the Docker image.",
  );
  process.exit(1);
}

console.error(`ensure-build: ${reason}; compiling with tsc -p tsconfig.build.json`);
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
  cwd: root,
  stdio: "inherit",
});
const code = result.status ?? 1;
if (result.error) console.error(`ensure-build: could not run tsc: ${result.error.message}`);
if (code === 0) {
  rmSync(failedMarker, { force: true });
  await refuseUnsupportedNode();
} else if (existsSync(join(root, "dist"))) {
  writeFileSync(failedMarker, `tsc exited with ${code}\n`);
}
process.exit(code);
