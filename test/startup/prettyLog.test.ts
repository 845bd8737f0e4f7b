/**
 * LOG_PRETTY=true is for people: colours on a terminal, plain text in a pipe (the journal,
 * `docker logs`), where escape codes would be noise. The logger runs in a child process whose
 * stdout is a pipe, as under systemd.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
/** The start of an ANSI colour code (ESC [). */
const ansi = `${String.fromCharCode(27)}[`;

/** Output of a child that logs one pretty line (`terminal` passed through when given). */
async function prettyLine(terminal?: boolean): Promise<string> {
  const settings = `{ level: "info", pretty: true${terminal === undefined ? "" : `, terminal: ${terminal}`} }`;
  const code = `import("./src/log.ts").then((m) => m.createLogger(${settings}).info("hello from the bot"))`;
  const child = spawn(process.execPath, ["--import", "tsx", "-e", code], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => {
    out += String(d);
  });
  child.stderr.on("data", (d) => {
    out += String(d);
  });
  await new Promise((resolve) => child.once("exit", resolve));
  return out;
}

describe("LOG_PRETTY", () => {
  it("writes plain text, no colour codes, when stdout is not a terminal", async () => {
    const out = await prettyLine();
    expect(out).toContain("hello from the bot");
    expect(out).not.toContain(ansi);
  });

  it("colours on a terminal", async () => {
    const out = await prettyLine(true);
    expect(out).toContain("hello from the bot");
    expect(out).toContain(ansi);
  });
});
