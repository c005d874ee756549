// `node bench/reports.ts [--pg [URL]] [--runs 5]`: generating the yearly acceptance report of a station on the demo
// data set (the app in-process, as the HTTP tests build it): the first generation (cold: ECharts, resvg and the font
// load) and the following ones, with the time of each, the document's size, the charts drawn on their own, and the
// process's memory (RSS and heap) before and after. Prints a table and writes bench/results/reports-<time>.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { chartPng } from "../server/modules/reports/reports.charts.ts";
import { createTestApp } from "../server/test/helpers.ts";
import { argValue, RESULTS_DIR } from "./common.ts";

const args = process.argv.slice(2);
const runs = Number(argValue(args, "--runs") ?? 5);
if (args.includes("--pg")) process.env.TEST_DATABASE_URL = argValue(args, "--pg") ?? "postgres://postgres@127.0.0.1:5432/postgres";
const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

const t = await createTestApp();
try {
  const staff = await t.login("staff");
  const year = String(new Date(process.env.TEST_NOW ?? Date.now()).getUTCFullYear());
  const created = await t.as(staff, { method: "POST", url: "/api/reports", payload: { kind: "acceptance", period: year } });
  if (created.statusCode !== 201) throw new Error(created.body);
  const report = created.json() as { id: number; version: number; figures: { missing: boolean }[] };
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const timings: { run: number; ms: number; serverMs: number; bytes: number }[] = [];
  for (let run = 1; run <= runs; run++) {
    const start = performance.now();
    const res = await t.as(staff, { method: "POST", url: `/api/reports/${report.id}/generate`, payload: { version: report.version } });
    const ms = performance.now() - start;
    if (res.statusCode !== 201) throw new Error(res.body);
    const v = res.json() as { durationMs: number; docxSize: number };
    timings.push({ run, ms: Math.round(ms), serverMs: v.durationMs, bytes: v.docxSize });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const after = process.memoryUsage();
  const chart = {
    title: "办结服务事项（按月）",
    labels: Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    values: Array.from({ length: 12 }, (_, i) => i * 3),
    unit: "件",
    kind: "bar" as const,
  };
  const c0 = performance.now();
  for (let i = 0; i < 5; i++) await chartPng(chart);
  const chartMs = Math.round((performance.now() - c0) / 5);
  const warm = timings
    .slice(1)
    .map((x) => x.ms)
    .sort((a, b) => a - b);
  const result = {
    database: process.env.TEST_DATABASE_URL ? "postgres" : "sqlite",
    figures: report.figures.length,
    missing: report.figures.filter((f) => f.missing).length,
    firstMs: timings[0].ms,
    warmMedianMs: warm[Math.floor(warm.length / 2)] ?? null,
    chartMs,
    docxBytes: timings[0].bytes,
    rssBeforeMb: mb(before.rss),
    rssPeakMb: mb(peakRss),
    heapBeforeMb: mb(before.heapUsed),
    heapAfterMb: mb(after.heapUsed),
    timings,
  };
  console.table(timings);
  console.log(JSON.stringify({ ...result, timings: undefined }, null, 2));
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(join(RESULTS_DIR, `reports-${new Date().toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify(result, null, 2));
} finally {
  await t.close();
}
