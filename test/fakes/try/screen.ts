/** What the try-out prompt has shown: messages (for `press`), the last interaction, posts. */
import type { APIMessage } from "discord.js";
import type { InteractionHandle } from "../discord/index.js";
import { type RenderContext, renderMessage } from "./render.js";
import type { World } from "./world.js";

export interface Screen {
  print(line: string): void;
  /** Messages shown so far, newest last: where `press` looks for a button. */
  readonly shown: APIMessage[];
  lastInteraction: InteractionHandle | undefined;
  posts: number;
  show(header: string, message: APIMessage): void;
}

export function createScreen(print: (line: string) => void, ctx: RenderContext): Screen {
  const screen: Screen = {
    print,
    shown: [],
    lastInteraction: undefined,
    posts: 0,
    show(header, message) {
      screen.shown.push(message);
      print(header);
      for (const line of renderMessage(message, ctx)) print(`  ${line}`);
    },
  };
  return screen;
}

/** Waits for the bot's answer to an interaction and prints it: a form, a reply, follow-ups. */
export async function answer(screen: Screen, world: World, handle: InteractionHandle) {
  screen.lastInteraction = handle;
  try {
    await handle.waitFor("reply", 15_000);
  } catch {
    screen.print("  (no answer within 15 s; the bot log says why)");
  }
  await settle(handle);
  for (const refused of handle.responses.filter((r) => r.status >= 300)) {
    screen.print(`  (Discord refused an answer: ${refused.status}, code ${refused.errorCode})`);
  }
  const modal = handle.modal();
  if (modal) {
    const fields = JSON.stringify(modal.components ?? []).match(/"custom_id":"[^"]+"/g) ?? [];
    const ids = fields.map((f) => f.slice(13, -1)).join(", ");
    screen.print(`bot → you: a form "${String(modal.title ?? "")}" with ${ids}; type: fill`);
    return;
  }
  const { discord } = world;
  const source = handle.sourceMessageId ? discord.message(handle.sourceMessageId) : undefined;
  const first = handle.original ?? source;
  if (first) {
    const ephemeral = ((first.flags ?? 0) & 64) !== 0;
    screen.show(ephemeral ? "bot → you (only you see this)" : "bot → the channel", first);
  }
  for (const followup of handle.followups) screen.show("bot → you (follow-up)", followup);
}

/** Posts the bot makes on its own (not interaction answers), in the channels and the DM. */
export function watchPosts(world: World, screen: Screen): () => void {
  const seen = new Set<string>();
  const timer = setInterval(() => {
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
        screen.posts += 1;
        screen.show(`bot → ${where} (post)`, message);
      }
    }
  }, 250);
  return () => clearInterval(timer);
}

/** Waits until the bot stopped answering this interaction for half a second (at most 10 s). */
async function settle(handle: InteractionHandle): Promise<void> {
  const until = performance.now() + 10_000;
  let count = -1;
  while (handle.events.length !== count && performance.now() < until) {
    count = handle.events.length;
    await sleep(500);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
