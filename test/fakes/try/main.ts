/**
 * `npm run try`: the bot against the fake Discord and fake tracker, with a prompt to act as
 * a member. `npm run try -- "/link" fill "/subscribe" "add 2" wait` runs those lines and exits.
 * Files (database, bot.log, attachments/) go to ./try-out/ (TRY_DIR to change).
 */
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { helpText, startTryOut } from "./session.js";

const dir = path.resolve(process.env.TRY_DIR ?? "try-out");
const print = (line: string) => console.log(line);
const lines = process.argv.slice(2);

const tryOut = await startTryOut({ dir, print });
const { world } = tryOut;
print(`Bot running against the fakes. You are @lucy in "Try-out server", channel #lock-log.
Your tracker token: ${world.trackerToken} · your session: ${world.sessionId}
Bot log: ${path.relative(process.cwd(), world.logFile)} · pictures: ${path.relative(process.cwd(), path.join(dir, "attachments"))}/
${helpText}
`);

if (lines.length > 0) {
  for (const line of lines) {
    print(`» ${line}`);
    if (!(await tryOut.run(line))) break;
  }
} else {
  const prompt = createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: "lucy> ",
  });
  prompt.prompt();
  for await (const line of prompt) {
    if (!(await tryOut.run(line))) break;
    prompt.prompt();
  }
  prompt.close();
}
await tryOut.close();
process.exit(0);
