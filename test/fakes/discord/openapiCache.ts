/**
 * A disk cache for the fake's compiled spec validators (ajv standalone code) and its route
 * table, under node_modules/.cache, keyed by the spec's content and a version of our patches.
 * Every test file is its own process: without it each one compiles the same schemas again.
 * Writes go to a temporary file renamed into place, so parallel workers never read half a
 * file; any failure just means compiling again.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function createSpecCache(specFile: URL, version: string) {
  const root = fileURLToPath(
    new URL("../../../node_modules/.cache/fake-discord-openapi/", import.meta.url),
  );
  let dir: string | null = null;
  const folder = (): string => {
    if (dir) return dir;
    const hash = createHash("sha256").update(version).update(readFileSync(specFile));
    dir = path.join(root, hash.digest("hex").slice(0, 16));
    return dir;
  };
  const fileOf = (key: string, ext: string) =>
    path.join(folder(), `${createHash("sha256").update(key).digest("hex").slice(0, 24)}.${ext}`);
  const requireHere = createRequire(import.meta.url);

  const write = (file: string, text: string): void => {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, file);
    } catch {
      // A read-only tree only costs the compile time.
    }
  };

  return {
    load<T>(key: string): T | undefined {
      try {
        return requireHere(fileOf(key, "cjs")) as T;
      } catch {
        return undefined;
      }
    },
    store<T>(key: string, value: T, source: (value: T) => string): T {
      write(fileOf(key, "cjs"), source(value));
      return value;
    },
    loadJson<T>(key: string): T | undefined {
      try {
        return JSON.parse(readFileSync(fileOf(key, "json"), "utf8")) as T;
      } catch {
        return undefined;
      }
    },
    storeJson<T>(key: string, value: T): T {
      write(fileOf(key, "json"), JSON.stringify(value));
      return value;
    },
  };
}
