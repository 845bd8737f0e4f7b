/**
 * The process's entry point (`npm start`, the systemd unit): refuses an unsupported Node.js in
 * one line before anything that needs a newer one (discord.js, undici) is loaded, then starts
 * the bot. main.ts is imported dynamically for that reason: a static import would load it first.
 */
import { nodeVersionProblem } from "./nodeVersion.js";

const problem = nodeVersionProblem(process.versions.node);
if (problem !== undefined) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
await import("./main.js");
