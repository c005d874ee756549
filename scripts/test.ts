// `npm test`: the unit and HTTP suites (on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set), then the
// browser journeys in Chromium. Ends with one line: `N passed, N failed[, N skipped]`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const results = join(root, "data/test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const node = process.execPath;
const bin = (name: string) => join(root, "node_modules", name);

interface Summary {
  passed: number;
  failed: number;
  skipped: number;
}

function run(label: string, args: string[], reportFile: string): Summary & { exit: number } {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(node, args, { cwd: root, stdio: "inherit", env: process.env });
  const file = join(results, reportFile);
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, exit: r.status ?? 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numFailedTestSuites: number;
  };
  return {
    passed: report.numPassedTests,
    // A file that fails to load has no failed test but must still fail the run.
    failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
    skipped: report.numPendingTests + report.numTodoTests,
    exit: r.status ?? 1,
  };
}

const unit = run(
  `unit + HTTP (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`,
  [bin("vitest/vitest.mjs"), "run"],
  "unit.json",
);

console.log("\n=== building the web apps for the browser journeys ===");
const build = spawnSync(node, [bin("vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
const e2e =
  build.status === 0
    ? run("browser journeys (Chromium)", [bin("vitest/vitest.mjs"), "run", "--config", "e2e/vitest.config.ts"], "e2e.json")
    : { passed: 0, failed: 1, skipped: 0, exit: 1 };

const total = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed, skipped: unit.skipped + e2e.skipped };
const failed = total.failed > 0 || unit.exit !== 0 || e2e.exit !== 0;
if (failed && total.failed === 0) total.failed = 1;
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
