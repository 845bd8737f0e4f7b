/**
 * `npx tsx test/fakes/serve.ts`: the fake tracker and fake Discord as
 * standalone servers, to try the bot by hand without Discord or the tracker.
 * Prints the .env lines that point the bot at them and keeps running.
 */
import { PermissionFlagsBits } from "discord.js";
import { startFakeDiscord } from "./discord/index.js";
import { startFakeTracker } from "./tracker.js";

const tracker = await startFakeTracker();
const discord = await startFakeDiscord();
const guildId = discord.addGuild({
  name: "Try-out server",
  everyonePermissions:
    PermissionFlagsBits.ViewChannel |
    PermissionFlagsBits.SendMessages |
    PermissionFlagsBits.EmbedLinks,
});
const channelId = discord.addChannel(guildId, { name: "lock-log" });
const userId = discord.addMember(guildId, { username: "lucy" });
const token = "tok_try_out_0123456789abcdef";
tracker.addToken(token, { nick: "lucy" });
const session = tracker.addSession(token, { active: true });
tracker.addHistory(session, [{ type: "START", happened: new Date() }]);

console.log(`# fakes running; put these into .env:
DISCORD_TOKEN=${discord.botToken}
DISCORD_API_URL=${discord.apiUrl}
TRACKER_API_URL=${tracker.url}
# guild ${guildId}, channel ${channelId}, member ${userId}, tracker token ${token}, session ${session}`);

const stop = async () => {
  await Promise.all([discord.close(), tracker.close()]);
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
