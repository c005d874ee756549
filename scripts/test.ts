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

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

/** Every failed test (and every file that failed to load), one line each, for the end of the log. */
const failures: string[] = [];
const retried: string[] = [];
const firstLine = (text = "") =>
  text
    .split("\n")
    .find((line) => line.trim() !== "")
    ?.trim()
    .slice(0, 300) ?? "";

function collectFailures(report: JsonReport) {
  for (const file of report.testResults) {
    const where = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    const failedTests = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failedTests) failures.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    // A journey that passed on its second try (e2e/vitest.config.ts) is named, with what stopped the first.
    for (const test of file.assertionResults.filter((t) => t.status === "passed" && (t.failureMessages?.length ?? 0) > 0))
      retried.push(`${where} > ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (file.status === "failed" && failedTests.length === 0) failures.push(`${where}: ${firstLine(file.message)}`);
  }
}

function run(label: string, args: string[], reportFile: string): Summary & { exit: number } {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(node, args, { cwd: root, stdio: "inherit", env: process.env });
  const file = join(results, reportFile);
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, exit: r.status ?? 1 };
  const report = JSON.parse(readFileSync(file, "utf8")) as JsonReport;
  collectFailures(report);
  return {
    passed: report.numPassedTests,
    // A file that fails to load has no failed test but must still fail the run.
    failed: report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0),
    skipped: report.numPendingTests + report.numTodoTests,
    exit: r.status ?? 1,
  };
}

// The build comes first: the HTTP suite also checks that the server serves the built console and phone app.
console.log("\n=== building the web apps ===");
const build = spawnSync(node, [bin("vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) failures.push("vite build: the web apps did not build");

const unit = run(
  `unit + HTTP (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite"})`,
  [bin("vitest/vitest.mjs"), "run"],
  "unit.json",
);

// The journeys exercise the console and the phone, which are the same whatever the database: they all run on
// SQLite. On PostgreSQL, where every HTTP suite has already run, two journeys that write the most (the problem
// loop and the economy's ledger) run against the real server on PostgreSQL; DANDELION_E2E_ALL=1 runs them all.
const POSTGRES_JOURNEYS = ["e2e/problem-loop.e2e.ts", "e2e/economy.e2e.ts"];
const journeys = process.env.TEST_DATABASE_URL && process.env.DANDELION_E2E_ALL !== "1" ? POSTGRES_JOURNEYS : [];
const e2e =
  build.status === 0
    ? run(
        `browser journeys (Chromium${journeys.length ? `, ${journeys.length} on PostgreSQL` : ""})`,
        [bin("vitest/vitest.mjs"), "run", "--config", "e2e/vitest.config.ts", ...journeys],
        "e2e.json",
      )
    : { passed: 0, failed: 1, skipped: 0, exit: 1 };

const total = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed, skipped: unit.skipped + e2e.skipped };
const failed = total.failed > 0 || unit.exit !== 0 || e2e.exit !== 0;
if (failed && total.failed === 0) total.failed = 1;
if (failures.length > 0) {
  console.log("\nFailed:");
  for (const line of failures) console.log(`FAILED ${line}`);
}
if (retried.length > 0) {
  console.log("\nPassed on the second try:");
  for (const line of retried) console.log(`RETRIED ${line}`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(failed ? 1 : 0);
