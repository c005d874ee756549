import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    // The demo market loaded once for the run; each journey's server starts from a copy of it.
    globalSetup: ["server/test/global-setup.ts"],
    pool: "forks",
    // Three journeys at a time: a journey waits on its browser and its server part of the time, and with three side
    // by side the machine's two cores are busy 97 % of the run (two left gaps: 340 s → 297 s for the suite). Each
    // has its own server, database and browser.
    fileParallelism: true,
    maxWorkers: 3,
    // A journey on a busy machine can miss a step's moment (a menu still opening); it is tried once more, and
    // the run's log names every journey that passed only on its second try (scripts/test.ts).
    retry: 1,
    expect: { poll: { timeout: 10_000 } },
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "data/test-results/e2e.json" },
  },
});
