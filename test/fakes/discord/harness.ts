import { once } from "node:events";
import { Client, Events, GatewayIntentBits, type Interaction } from "discord.js";
import type { FakeDiscord } from "./index.js";

/** A real discord.js client pointed at the fake, resolved once `clientReady` fired. */
export async function readyClient(
  fake: FakeDiscord,
  intents: GatewayIntentBits[] = [GatewayIntentBits.Guilds],
): Promise<Client<true>> {
  const client = new Client({ intents, rest: { api: fake.apiUrl } });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.botToken);
  await ready;
  return client as Client<true>;
}

/** Runs the handler for every interaction and keeps its failures for the test to assert on. */
export function onInteraction(
  client: Client,
  handler: (interaction: Interaction) => Promise<unknown>,
): unknown[] {
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => errors.push(error));
  });
  return errors;
}
