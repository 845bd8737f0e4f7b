#!/usr/bin/env node
/**
 * The production dependency tree: from package.json's "dependencies", through each
 * package's dependencies, optionalDependencies and required peers, resolved the way
 * Node resolves them. `npm ls --omit=dev` and `npm prune --omit=dev` count an optional
 * peer as production when the dev tree installed it: i18next names typescript as one,
 * so 23 MB of compiler stayed in the image. This walk leaves optional peers out.
 *
 *   node scripts/production-tree.mjs          prints node_modules' top-level names (@scope/name)
 *   node scripts/production-tree.mjs --prune  deletes every package folder outside the tree
 *                                             (the Docker build stage, after npm prune)
 */
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const modules = path.join(root, "node_modules");

function manifest(dir) {
  return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
}

/** Node's lookup: <dir>/node_modules/<name>, then each ancestor's, up to the project. */
function resolve(fromDir, name) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== "node_modules") {
      const candidate = path.join(dir, "node_modules", name);
      if (existsSync(path.join(candidate, "package.json"))) return candidate;
    }
    if (dir === root || dir === path.dirname(dir)) return undefined;
  }
}

function runtimeNeeds(pkg) {
  const optionalPeers = new Set(
    Object.entries(pkg.peerDependenciesMeta ?? {})
      .filter(([, meta]) => meta?.optional)
      .map(([name]) => name),
  );
  const peers = Object.keys(pkg.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n));
  return [
    ...Object.keys(pkg.dependencies ?? {}),
    ...Object.keys(pkg.optionalDependencies ?? {}),
    ...peers,
  ];
}

export function productionDirs() {
  const keep = new Set();
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.pop();
    for (const name of runtimeNeeds(manifest(dir))) {
      const found = resolve(dir, name);
      if (found && !keep.has(found)) {
        keep.add(found);
        queue.push(found);
      }
    }
  }
  return keep;
}

/** Every installed package folder, nested ones too (dot entries such as .bin skipped). */
function installedDirs(modulesDir) {
  const found = [];
  if (!existsSync(modulesDir)) return found;
  for (const entry of readdirSync(modulesDir)) {
    if (entry.startsWith(".")) continue;
    const full = path.join(modulesDir, entry);
    const packages = entry.startsWith("@")
      ? readdirSync(full).map((scoped) => path.join(full, scoped))
      : [full];
    for (const dir of packages) found.push(dir, ...installedDirs(path.join(dir, "node_modules")));
  }
  return found;
}

function prune() {
  const keep = productionDirs();
  let removed = 0;
  for (const dir of installedDirs(modules)) {
    if (keep.has(dir) || !existsSync(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed += 1;
  }
  // Empty scope folders (npm prune leaves @biomejs/, @vitest/) and links to removed packages.
  for (const entry of readdirSync(modules)) {
    const full = path.join(modules, entry);
    if (entry.startsWith("@") && readdirSync(full).length === 0) rmSync(full, { recursive: true });
  }
  const bin = path.join(modules, ".bin");
  if (existsSync(bin)) {
    for (const link of readdirSync(bin)) {
      if (!existsSync(path.join(bin, link))) rmSync(path.join(bin, link), { force: true });
    }
  }
  console.log(`production-tree: kept ${keep.size} packages, removed ${removed}`);
}

if (process.argv.includes("--prune")) prune();
else {
  const top = [...productionDirs()]
    .map((dir) => path.relative(modules, dir))
    .filter((rel) => !rel.startsWith("..") && !rel.includes(`${path.sep}node_modules${path.sep}`))
    .sort();
  console.log(top.join("\n"));
}
