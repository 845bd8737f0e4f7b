/**
 * What `npm run try` does with each line: slash commands as the fake member, button
 * presses by label, the /link form, history items added to the fake tracker, and the
 * bot's replies and channel posts printed as text. Also the module API for tests.
 */
import path from "node:path";
import { parseCommand, words } from "./input.js";
import { buttonsOf, fileFinder } from "./render.js";
import { answer, createScreen, type Screen, sleep, watchPosts } from "./screen.js";
import { startWorld, type World } from "./world.js";

export interface TryOutOptions {
  /** Database, bot log and attachments go here. */
  dir: string;
  print: (line: string) => void;
  pollSeconds?: number;
}

export interface TryOut {
  world: World;
  /** Runs one prompt line; false when it asked to quit. */
  run(line: string): Promise<boolean>;
  close(): Promise<void>;
}

export const helpText = `  /<command> [sub] [option:value ...]   run a slash command as lucy, e.g. /histories session:100
  press <label>                        press a button of the last messages, e.g. press Older
  fill [field=value ...]               submit the form the bot showed (/link: the token is filled in)
  add [n]                              add n new history items to the session on the fake tracker
  wait [seconds]                       wait for the next channel post (default 15 s)
  help · quit`;

export async function startTryOut(options: TryOutOptions): Promise<TryOut> {
  const world = await startWorld(options.dir, options.pollSeconds);
  const screen = createScreen(options.print, {
    names: world.names,
    attachmentsDir: path.join(options.dir, "attachments"),
    fileData: fileFinder(world.discord.requests),
  });
  const stopWatching = watchPosts(world, screen);
  const actions = createActions(world, screen);
  return {
    world,
    async run(line) {
      const text = line.trim();
      if (text === "quit" || text === "exit") return false;
      try {
        if (text.startsWith("/")) await slashCommand(world, screen, text);
        else if (text !== "") {
          const [verb = "", ...args] = words(text);
          const action = actions[verb];
          if (action) await action(args);
          else screen.print(`  unknown: ${verb} (type help)`);
        }
      } catch (err) {
        screen.print(`  ${err instanceof Error ? err.message : String(err)}`);
      }
      return true;
    },
    async close() {
      stopWatching();
      await world.close();
    },
  };
}

async function slashCommand(world: World, screen: Screen, text: string): Promise<void> {
  const { discord } = world;
  const registered = [...discord.commands.guild(world.guildId), ...discord.commands.global];
  const parsed = parseCommand(text, registered, (name) => world.ids.get(name));
  const where = { userId: world.userId, guildId: world.guildId, channelId: world.channelId };
  await answer(screen, world, discord.interact.chatInput({ ...where, ...parsed }));
}

function createActions(
  world: World,
  screen: Screen,
): Record<string, (args: string[]) => Promise<void>> {
  const { discord, tracker } = world;
  return {
    async press(args) {
      const label = args.join(" ").toLowerCase();
      for (const shown of [...screen.shown].reverse()) {
        const message = discord.message(shown.id) ?? shown;
        const button = buttonsOf(message).find((b) => b.label.toLowerCase() === label);
        if (!button) continue;
        const guild = world.channels.has(message.channel_id) ? { guildId: world.guildId } : {};
        const press = { userId: world.userId, ...guild, channelId: message.channel_id };
        await answer(
          screen,
          world,
          discord.interact.button({ ...press, customId: button.customId, message: message.id }),
        );
        return;
      }
      screen.print(`  no button "${args.join(" ")}" on the messages shown`);
    },
    async fill(args) {
      const modal = screen.lastInteraction?.modal();
      if (!modal) return screen.print("  no form is open; /link opens one");
      const fields: Record<string, string> = {};
      for (const pair of args) {
        const eq = pair.indexOf("=");
        if (eq > 0) fields[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      if (args.length === 0) fields.token = world.trackerToken;
      const where = { userId: world.userId, guildId: world.guildId, channelId: world.channelId };
      const submit = { ...where, customId: String(modal.custom_id), fields };
      await answer(screen, world, discord.interact.modalSubmit(submit));
    },
    async add(args) {
      const count = Math.max(1, Math.min(20, Number(args[0] ?? 1) || 1));
      const now = Date.now();
      const kinds = [
        { unit: 3_600, source: "DICE" },
        { unit: 1_800, source: "PENALTY", dom: true },
        { type: "SUB", unit: 900, source: "LUCK" },
        { unit: 600, source: "MANUAL" },
      ] as const;
      const items = Array.from({ length: count }, (_, i) => ({
        ...kinds[i % kinds.length]!,
        happened: new Date(now - (count - i) * 1000),
      }));
      tracker.addHistory(world.sessionId, items);
      screen.print(
        `  added ${count} item(s) to session ${world.sessionId}; the bot polls every few seconds`,
      );
    },
    async wait(args) {
      const seconds = Number(args[0] ?? 15) || 15;
      const before = screen.posts;
      const until = performance.now() + seconds * 1000;
      while (screen.posts === before && performance.now() < until) await sleep(200);
      if (screen.posts === before) screen.print(`  no post within ${seconds} s`);
    },
    async help() {
      screen.print(helpText);
    },
  };
}
