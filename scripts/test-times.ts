// `npm run test:times`: the unit and HTTP suites at the instants that have broken things before — a Sunday,
// the last day and the first of a month around midnight, 29 February, New Year's Eve and New Year's Day, and
// 07:59 station time (before 08:00 the UTC date is still yesterday's). Each run starts every suite's clock at
// that instant (DANDELION_TEST_NOW, read by server/test/helpers.ts); the demo data is written as of it.
// Runs on SQLite, or on PostgreSQL when TEST_DATABASE_URL is set. Extra arguments go to vitest (a path filter).
// Ends with one line per instant and the summary `N passed, N failed[, N skipped]`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

export const INSTANTS: { at: string; what: string }[] = [
  { at: "2026-11-22T04:00:00Z", what: "Sunday 22 November 2026, 12:00 station time" },
  { at: "2026-11-30T15:30:00Z", what: "30 November 2026 23:30, the last day of a month" },
  { at: "2026-11-30T16:30:00Z", what: "1 December 2026 00:30, the first of a month" },
  { at: "2028-02-28T23:59:00Z", what: "29 February 2028 07:59, a leap day before 08:00" },
  { at: "2026-12-31T15:30:00Z", what: "31 December 2026 23:30" },
  { at: "2026-12-31T16:30:00Z", what: "1 January 2027 00:30" },
  { at: "2026-11-17T23:59:00Z", what: "18 November 2026 07:59 (the UTC date is the day before)" },
];

const root = resolve(import.meta.dirname, "..");
const results = join(root, "data/test-results/times");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const filter = process.argv.slice(2);

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
  testResults: { name: string; status: string; assertionResults: { fullName: string; status: string }[] }[];
}

const lines: string[] = [];
const total = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();
for (const { at, what } of INSTANTS) {
  const file = join(results, `${at.replace(/[:]/g, "")}.json`);
  console.log(`\n=== ${what} (${at}) ===`);
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, "node_modules/vitest/vitest.mjs"), "run", "--reporter=dot", "--reporter=json", `--outputFile.json=${file}`, ...filter],
    { cwd: root, stdio: "inherit", env: { ...process.env, DANDELION_TEST_NOW: at } },
  );
  const seconds = Math.round((Date.now() - t0) / 1000);
  if (!existsSync(file)) {
    total.failed++;
    lines.push(`${at}  no report (exit ${r.status}) after ${seconds} s`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8")) as Report;
  const failed = report.numFailedTests + (report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  total.passed += report.numPassedTests;
  total.failed += failed;
  total.skipped += report.numPendingTests + report.numTodoTests;
  lines.push(`${at}  ${report.numPassedTests} passed, ${failed} failed  (${seconds} s)  ${what}`);
  for (const f of report.testResults) {
    for (const test of f.assertionResults.filter((x) => x.status === "failed")) {
      lines.push(`    FAILED ${f.name.slice(root.length + 1)} > ${test.fullName}`);
    }
  }
}
console.log(`\nThe suites at ${INSTANTS.length} instants, ${Math.round((Date.now() - started) / 60_000)} min:`);
for (const line of lines) console.log(line);
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(total.failed > 0 ? 1 : 0);
