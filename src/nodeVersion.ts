/**
 * The Node.js the bot needs (package.json `engines`). Checked before anything else is loaded:
 * under an older Node, discord.js and undici fail deep inside with errors such as
 * "ReferenceError: File is not defined" that say nothing about the version. No imports here,
 * so this file itself loads on any Node that can parse it.
 */

/** Keep equal to package.json `engines.node` (">=20.18"); a test holds them together. */
export const requiredNode = { major: 20, minor: 18 } as const;

/** "v18.19.0" or "18.19.0" -> [18, 19]; undefined when it is not a version. */
function majorMinor(version: string): [number, number] | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** One line saying what is wrong with `version`, or undefined when the bot can run on it. */
export function nodeVersionProblem(version: string): string | undefined {
  const parts = majorMinor(version);
  const { major, minor } = requiredNode;
  if (parts && (parts[0] > major || (parts[0] === major && parts[1] >= minor))) return undefined;
  const shown = version.startsWith("v") ? version : `v${version}`;
  return `This bot needs Node.js ${major}.${minor} or newer, but runs on Node.js ${shown}: install a newer one (README.md, "Quick start") and start it again.`;
}
