import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // dist/ built once up front, not inside the tests that run `npm start` (test/globalSetup.ts).
    globalSetup: ["test/globalSetup.ts"],
    pool: "forks",
    // Most end-to-end tests wait on poll intervals and rate-limit windows, not on the CPU:
    // on a 2-core machine the default (one worker) would run them one after another.
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts", "commands/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
      thresholds: {
        "src/tracker/**": { lines: 90 },
        "src/store/**": { lines: 90 },
      },
    },
  },
});
