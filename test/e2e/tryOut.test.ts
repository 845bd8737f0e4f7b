/** `npm run try` through its module API: a member links, subscribes, and a post appears. */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTryOut, type TryOut } from "../fakes/try/session.js";

let dir: string;
let tryOut: TryOut;
const printed: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ct-try-"));
  tryOut = await startTryOut({ dir, print: (line) => printed.push(line), pollSeconds: 1 });
}, 60_000);
afterAll(async () => {
  await tryOut?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs a line and returns what it printed. */
async function run(line: string): Promise<string> {
  const from = printed.length;
  expect(await tryOut.run(line)).toBe(true);
  return printed.slice(from).join("\n");
}

describe("npm run try", () => {
  it("links through the form, pages with a button, and prints a channel post as text", async () => {
    expect(await run("/link")).toMatch(/a form ".+" with token; type: fill/);
    expect(await run("fill")).toContain("Linked as **lucy**");

    const page = await run(`/histories session:${tryOut.world.sessionId} limit:2`);
    expect(page).toContain("bot → you (only you see this)");
    expect(page).toContain(`lucy · session ${tryOut.world.sessionId}`);
    expect(page).toContain("buttons: [Older]");
    const older = await run("press older");
    expect(older).toContain("Session started");
    expect(older).toContain("buttons: [Newer]");

    expect(await run("/subscribe")).toContain("#lock-log");
    expect(await run("add 2")).toContain("added 2 item(s)");
    const post = await run("wait 30");
    expect(post).toMatch(/bot → #lock-log \(post\)\n\s+┌─ embed\n\s+│ \*\*lucy · session \d+\*\*/);
    expect(post).toContain("🎲 Dice · added **+1 h**");
    expect(post).not.toMatch(/<t:\d+/);
  }, 90_000);

  it("saves a picture's attachment to the folder", async () => {
    const chart = await run("/chart");
    expect(chart).toMatch(/\[attachment saved to .*chart\.png \(alt text: /);
    expect(await readdir(path.join(dir, "attachments"))).toEqual([
      expect.stringMatching(/-chart\.png$/),
    ]);
  }, 60_000);

  it("takes a boolean the way Discord's clients do: True and true alike", async () => {
    // The bot's own /privacy reply suggests `json:true`; Discord's pickers show "True".
    for (const value of ["True", "true", "TRUE"]) {
      const privacy = await run(`/privacy json:${value}`);
      expect(privacy).not.toContain("is not true or false");
      expect(privacy).toMatch(/\[attachment saved to .*privacy-[^ ]*\.json/);
    }
    expect(await run("/privacy json:maybe")).toContain('"maybe" is not true or false');
  }, 60_000);

  it("explains a mistyped option and an unknown command instead of failing", async () => {
    expect(await run("/histories sesion:1")).toContain('/histories has no option "sesion"');
    expect(await run("/nope")).toMatch(/no command \/nope; registered: \/link/);
    expect(await tryOut.run("quit")).toBe(false);
  });
});
