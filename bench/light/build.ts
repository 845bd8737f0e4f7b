/**
 * Compiles both contenders before a light bench: the bot with its production build
 * (`npm run build` -> dist/src/main.js), the naive stand-in with esbuild's transform (one file,
 * its imports left to node_modules) -> dist/bench/light/naive.js. LIGHT_SKIP_BUILD=1 skips the
 * bot's build (e.g. right after one).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { transformSync } from "esbuild";
import { root } from "./contender.js";

export function buildContenders(): void {
  if (process.env.LIGHT_SKIP_BUILD !== "1") {
    execFileSync(
      process.execPath,
      [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
      {
        cwd: root,
        stdio: "inherit",
      },
    );
  }
  const source = readFileSync(path.join(root, "bench/light/naive.ts"), "utf8");
  const { code } = transformSync(source, { loader: "ts", format: "esm", target: "node20" });
  mkdirSync(path.join(root, "dist/bench/light"), { recursive: true });
  writeFileSync(path.join(root, "dist/bench/light/naive.js"), code);
}
