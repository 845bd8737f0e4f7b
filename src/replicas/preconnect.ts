/**
 * The successor's half of a make-before-break hand-over: its gateway is
 * connected (every shard) while the last holder still serves, and every
 * interaction it receives meanwhile is kept; once it holds the lease, the bot
 * starts on this client and the kept interactions young enough to answer are
 * handled (claimed first, so those the last holder answered are skipped).
 */
import { type Client, Events, type Interaction } from "discord.js";
import { systemClock } from "../util/clock.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import { createDiscordClient, loginDiscord } from "../startup/discord.js";

/** Discord wants the first answer within 3 s of the interaction; leave time to give it. */
const answerableMs = 2_500;

export interface Preconnected {
  client: Client;
  /** Stops keeping interactions and hands the young ones to the client's own listeners. */
  replay(): void;
  destroy(): Promise<void>;
}

export async function preconnect(config: Config, logger: Logger): Promise<Preconnected> {
  const client = createDiscordClient(config, logger);
  const kept: { interaction: Interaction; at: number }[] = [];
  const keep = (interaction: Interaction) => kept.push({ interaction, at: systemClock.now() });
  client.on(Events.InteractionCreate, keep);
  await loginDiscord(client, config.DISCORD_TOKEN ?? "");
  logger.info({ shards: client.ws.shards.size }, "connected to Discord ahead of the hand-over");
  return {
    client,
    replay() {
      client.off(Events.InteractionCreate, keep);
      for (const { interaction, at } of kept.splice(0)) {
        if (systemClock.now() - at < answerableMs)
          client.emit(Events.InteractionCreate, interaction);
      }
    },
    destroy: () => client.destroy(),
  };
}
