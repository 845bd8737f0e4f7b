import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    pool: "forks",
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
