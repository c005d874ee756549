import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    // The demo market loaded once for the run; each journey's server starts from a copy of it.
    globalSetup: ["server/test/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "data/test-results/e2e.json" },
  },
});
