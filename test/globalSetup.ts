/**
 * Builds dist/ once, before any test file runs, when it is missing or older than the sources
 * (scripts/ensure-build.mjs, what `npm start`'s prestart runs). The tests that start the bot the
 * README's way (`npm start`) would otherwise compile the project inside their own time limit, on
 * a fresh clone or after an edit: a minute of tsc on a busy 2-core box, next to the other test
 * files, was a timeout that a rerun (with dist then fresh) did not show.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const script = fileURLToPath(new URL("../scripts/ensure-build.mjs", import.meta.url));
  const result = spawnSync(process.execPath, [script], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`scripts/ensure-build.mjs exited with ${result.status}`);
}
