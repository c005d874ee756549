// `node bench/economy-import.ts [--rows 10000] [--pg URL]`: the directed-consumption import at scale. Builds the app
// on a fresh database with the Tianyuan demo, writes an enterprise's spreadsheet of N purchase rows (its own headers,
// mapped on upload; one row in a thousand with an unknown shop, one with a repeated receipt number), then times the
// preview and the import of the valid rows, with the process's memory before and after, and the coverage and ranking
// figures read afterwards. Prints the results; asserts nothing (docs/performance.md reads them).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import pg from "pg";
import { CSRF_HEADER } from "../contracts/auth.ts";
import { addDays, stationDate, stationMonth } from "../contracts/calendar.ts";
import { DEMO_PASSWORD, loadTianyuan } from "../demo/tianyuan.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { openDatabase } from "../server/db/database.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { SettableClock } from "../server/platform/clock.ts";
import { createVault } from "../server/platform/crypto.ts";
import { argValue } from "./common.ts";

const argv = process.argv.slice(2);
const ROWS = Number(argValue(argv, "--rows") ?? 10_000);
const pgBase = argValue(argv, "--pg");
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const progress = (text: string) => process.stdout.write(`\r${text.padEnd(60)}`);

async function main() {
  const clock = new SettableClock(new Date());
  const vault = createVault("bench-secret-bench-secret-bench-secret-01");
  let cleanup = async () => {};
  let database: ReturnType<typeof openDatabase>;
  if (pgBase) {
    const name = `dd_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgBase });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgBase);
    url.pathname = `/${name}`;
    database = openDatabase({ databaseUrl: url.toString(), sqliteFile: "", poolSize: 10 });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "dd-bench-economy-"));
    database = openDatabase({ sqliteFile: join(dir, "bench.db") });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  progress("migrating and loading the demo…");
  await migrateToLatest(database.db);
  await loadTianyuan(database.db, vault, clock.now());
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DANDELION_SECRET: "x".repeat(32), RATE_LIMIT_ALLOW: "127.0.0.1" });
  const app = await buildApp({ database, config, vault, clock, logger: false });
  await app.ready();
  const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "staff", password: DEMO_PASSWORD } });
  const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join("; "), [CSRF_HEADER]: login.json().csrfToken };

  const db = database.db;
  const station = await db.selectFrom("org_units").select("id").where("name", "=", "天源市场党群服务站").executeTakeFirstOrThrow();
  const merchants = await db.selectFrom("merchants").select("name").where("station_id", "=", station.id).execute();
  const enterprise = await db
    .selectFrom("economy_enterprises")
    .select("id")
    .where("station_id", "=", station.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const today = stationDate(clock.now());

  progress(`writing ${ROWS} rows…`);
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("消费明细");
  ws.addRow(["序号", "日期", "店铺", "消费金额", "票据编号"]);
  for (let i = 0; i < ROWS; i++) {
    const shop = i % 1000 === 999 ? "查无此店" : merchants[i % merchants.length].name;
    const invoice = i % 1000 === 500 ? `BENCH-${i - 1}` : `BENCH-${i}`;
    ws.addRow([i + 1, addDays(today, -(i % 300)), shop, ((i % 400) + 20).toFixed(2), invoice]);
    if (i % 1000 === 0) progress(`writing rows… ${i}/${ROWS}`);
  }
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const boundary = "----dandelion-bench";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const mapping = `enterpriseId=${enterprise.id}&date=${encodeURIComponent("日期")}&merchant=${encodeURIComponent("店铺")}&amount=${encodeURIComponent("消费金额")}&invoice=${encodeURIComponent("票据编号")}`;
  const send = (mode: string) =>
    app.inject({
      method: "POST",
      url: `/api/purchases/import?mode=${mode}&${mapping}`,
      payload,
      headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    });

  const results: Record<string, string | number> = { database: pgBase ? "postgres" : "sqlite", rows: ROWS, fileSize: mb(file.length) };
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  for (const mode of ["preview", "valid_only"]) {
    progress(`${mode}…`);
    const t0 = performance.now();
    const res = await send(mode);
    const ms = performance.now() - t0;
    const body = res.json();
    results[`${mode} ms`] = Math.round(ms);
    results[`${mode} accepted`] = body.acceptedRows;
    results[`${mode} rejected rows`] = new Set(body.rejected.map((r: { row: number }) => r.row)).size;
    results[`${mode} rss after`] = mb(process.memoryUsage().rss);
  }
  results["rss before"] = mb(rss0);
  const t1 = performance.now();
  await app.inject({ method: "GET", url: `/api/economy/ranking?month=${stationMonth(clock.now())}`, headers });
  results["ranking ms"] = Math.round(performance.now() - t1);
  const policy = await db.selectFrom("economy_policies").select("id").where("kind", "=", "rent_relief").executeTakeFirstOrThrow();
  const t2 = performance.now();
  await app.inject({ method: "GET", url: `/api/policies/${policy.id}/coverage`, headers });
  results["coverage ms"] = Math.round(performance.now() - t2);
  progress("");
  process.stdout.write("\n");
  console.table(results);
  await app.close();
  await database.close();
  await cleanup();
}

await main();
