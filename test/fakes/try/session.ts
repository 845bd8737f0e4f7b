/**
 * What `npm run try` does with each line: slash commands as the fake member, button
 * presses by label, the /link form, history items added to the fake tracker, and the
 * bot's replies and channel posts printed as text. Also the module API for tests.
 */
import path from "node:path";
import type { APIMessage } from "discord.js";
import type { InteractionHandle } from "../discord/index.js";
import { parseCommand, words } from "./input.js";
import { buttonsOf, fileFinder, type RenderContext, renderMessage } from "./render.js";
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
  const { discord, tracker } = world;
  const { print } = options;
  const ctx: RenderContext = {
    names: world.names,
    attachmentsDir: path.join(options.dir, "attachments"),
    fileData: fileFinder(discord.requests),
  };
  /** Messages shown so far, newest last: where `press` looks for a button. */
  const shown: APIMessage[] = [];
  let lastInteraction: InteractionHandle | undefined;
  let posts = 0;

  const show = (header: string, message: APIMessage) => {
    shown.push(message);
    print(header);
    for (const line of renderMessage(message, ctx)) print(`  ${line}`);
  };
  const watcher = watchPosts(world, (where, message) => {
    posts += 1;
    show(`bot → ${where} (post)`, message);
  });

  const answer = async (handle: InteractionHandle) => {
    lastInteraction = handle;
    try {
      await handle.waitFor("reply", 15_000);
    } catch {
      print("  (no answer within 15 s; the bot log says why)");
    }
    await settle(handle);
    for (const refused of handle.responses.filter((r) => r.status >= 300)) {
      print(`  (Discord refused an answer: ${refused.status}, code ${refused.errorCode})`);
    }
    const modal = handle.modal();
    if (modal) {
      const fields = JSON.stringify(modal.components ?? []).match(/"custom_id":"[^"]+"/g) ?? [];
      const ids = fields.map((f) => f.slice(13, -1)).join(", ");
      print(`bot → you: a form "${String(modal.title ?? "")}" with ${ids}; type: fill`);
      return;
    }
    const source = handle.sourceMessageId ? discord.message(handle.sourceMessageId) : undefined;
    const first = handle.original ?? source;
    if (first) {
      const ephemeral = ((first.flags ?? 0) & 64) !== 0;
      show(ephemeral ? "bot → you (only you see this)" : "bot → the channel", first);
    }
    for (const followup of handle.followups) show("bot → you (follow-up)", followup);
  };

  const base = () => ({ userId: world.userId, guildId: world.guildId, channelId: world.channelId });
  const registered = () => [...discord.commands.guild(world.guildId), ...discord.commands.global];

  const actions: Record<string, (args: string[]) => Promise<void>> = {
    async press(args) {
      const label = args.join(" ").toLowerCase();
      for (const message of [...shown].reverse()) {
        const current = discord.message(message.id) ?? message;
        const button = buttonsOf(current).find((b) => b.label.toLowerCase() === label);
        if (!button) continue;
        const where = world.channels.has(current.channel_id) ? { guildId: world.guildId } : {};
        await answer(
          discord.interact.button({
            userId: world.userId,
            ...where,
            channelId: current.channel_id,
            customId: button.customId,
            message: current.id,
          }),
        );
        return;
      }
      print(`  no button "${args.join(" ")}" on the messages shown`);
    },
    async fill(args) {
      const modal = lastInteraction?.modal();
      if (!modal) return print("  no form is open; /link opens one");
      const fields: Record<string, string> = {};
      for (const pair of args) {
        const eq = pair.indexOf("=");
        if (eq > 0) fields[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      if (args.length === 0) fields.token = world.trackerToken;
      await answer(
        discord.interact.modalSubmit({ ...base(), customId: String(modal.custom_id), fields }),
      );
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
      tracker.addHistory(
        world.sessionId,
        Array.from({ length: count }, (_, i) => ({
          ...kinds[i % kinds.length]!,
          happened: new Date(now - (count - i) * 1000),
        })),
      );
      print(
        `  added ${count} item(s) to session ${world.sessionId}; the bot polls every few seconds`,
      );
    },
    async wait(args) {
      const seconds = Number(args[0] ?? 15) || 15;
      const before = posts;
      const until = Date.now() + seconds * 1000;
      while (posts === before && Date.now() < until) await sleep(200);
      if (posts === before) print(`  no post within ${seconds} s`);
    },
    async help() {
      print(helpText);
    },
  };

  return {
    world,
    async run(line) {
      const text = line.trim();
      if (text === "") return true;
      if (text === "quit" || text === "exit") return false;
      try {
        if (text.startsWith("/")) {
          const parsed = parseCommand(text, registered(), (n) => world.ids.get(n));
          await answer(discord.interact.chatInput({ ...base(), ...parsed }));
        } else {
          const [verb = "", ...args] = words(text);
          const action = actions[verb];
          if (!action) print(`  unknown: ${verb} (type help)`);
          else await action(args);
        }
      } catch (err) {
        print(`  ${err instanceof Error ? err.message : String(err)}`);
      }
      return true;
    },
    async close() {
      clearInterval(watcher);
      await world.close();
    },
  };
}

/** Posts the bot makes on its own (not interaction answers), in the channels and the DM. */
function watchPosts(world: World, onPost: (where: string, message: APIMessage) => void) {
  const seen = new Set<string>();
  return setInterval(() => {
    const places: [string, APIMessage[]][] = [
      ...[...world.channels].map(([id, name]): [string, APIMessage[]] => [
        `#${name}`,
        world.discord.messages(id),
      ]),
      ["your DMs", world.discord.dmsTo(world.userId)],
    ];
    for (const [where, messages] of places) {
      for (const message of messages) {
        if (seen.has(message.id) || message.webhook_id) continue;
        seen.add(message.id);
        onPost(where, message);
      }
    }
  }, 250);
}

/** Waits until the bot stopped answering this interaction for half a second (at most 10 s). */
async function settle(handle: InteractionHandle): Promise<void> {
  const until = Date.now() + 10_000;
  let count = -1;
  while (handle.events.length !== count && Date.now() < until) {
    count = handle.events.length;
    await sleep(500);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
