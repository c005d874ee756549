// Shared by the generator, the benchmark server and the runner: where the data set lives, how to open it,
// the fixed vault secret, and the bench accounts.
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../server/db/database.ts";

export const ROOT = resolve(import.meta.dirname, "..");
export const RESULTS_DIR = join(ROOT, "bench/results");
export const DEFAULT_SQLITE_FILE = join(RESULTS_DIR, "district.db");
export const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/dd_bench";
/** The vault secret of the generated data set; the benchmark app is built with the same one. */
export const BENCH_SECRET = "bench-secret-dandelion-district-0123456789abcdef";
/** Lists as a station_staff of the first station. */
export const BENCH_STAFF = "bench_staff";
/** Creates merchants (POST /api/merchants, /bench/insert) in another station, so the listed one stays 100 strong. */
export const BENCH_WRITER = "bench_staff_191";
/** Reports problems (POST /api/problems) as a merchant of the writer's station, so the listed station stays as generated. */
export const BENCH_REPORTER = "bench_reporter";
/** Redeems discount cards (POST /api/caring/redemptions) as the operator of the writer's station's caring shop. */
export const BENCH_SHOP = "bench_shop";
/** Login benchmark accounts: one per autocannon connection (see docs/performance.md, "login"). */
export const LOGIN_ACCOUNTS = 64;
export const loginAccount = (i: number) => `bench_login_${String(i + 1).padStart(2, "0")}`;

export type Target = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function describe(t: Target): string {
  return t.kind === "sqlite" ? `SQLite ${t.file}` : `PostgreSQL ${t.url.replace(/\/\/([^:@/]+):[^@]*@/, "//$1:***@")}`;
}

/** Value of `--name v`; for a flag that may stand alone, `fallback` when no value follows it. */
export function argValue(argv: string[], name: string, fallback?: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const next = argv[i + 1];
  if (next === undefined || next.startsWith("--")) return fallback;
  return next;
}

/** Creates the PostgreSQL database named in the URL when it does not exist (or drops it first with fresh). */
export async function ensurePgDatabase(url: string, fresh: boolean): Promise<void> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  u.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: u.toString() });
  await admin.connect();
  try {
    if (fresh) await admin.query(`drop database if exists ${name} with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
}

export function removeSqlite(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
}

export function open(t: Target, poolSize?: number): Database {
  // BENCH_GROUP_COMMIT=1: the SQLite server shares commits between concurrent requests (server/db/group-commit.ts).
  return t.kind === "sqlite"
    ? openDatabase({ sqliteFile: t.file, groupCommit: process.env.BENCH_GROUP_COMMIT === "1" })
    : openDatabase({ databaseUrl: t.url, sqliteFile: "", poolSize });
}
