import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/**/*.test.ts", "contracts/**/*.test.ts", "demo/**/*.test.ts", "scripts/**/*.test.ts", "e2e/**/*.test.ts"],
    pool: "forks",
    // Two files at a time on this kind of two-core machine (vitest's default leaves one core idle): an HTTP suite
    // waits on its database part of the time. Measured: SQLite 193 s → 138 s, PostgreSQL 345 s → 210 s.
    maxWorkers: 2,
    // A worker keeps the modules it has loaded from one test file to the next, instead of loading the whole server
    // again for each (the import phase was 21–31 % of the run): SQLite 138 s → 68 s, PostgreSQL 210 s → 120 s. Safe
    // here because no suite mocks a module, fakes the timers or changes process.env: each builds its own app, clock
    // and database (server/test/helpers.ts).
    isolate: false,
    // The demo market loaded once per run and copied by each suite (server/test/demo-template.ts).
    globalSetup: ["server/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "data/test-results/unit.json" },
  },
});
