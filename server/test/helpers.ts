// A fresh database per test file: a temporary SQLite file, or (with TEST_DATABASE_URL) a new PostgreSQL
// database created for the file and dropped afterwards. The app is built on it with the demo data loaded.
// Time comes from a clock that starts at the test instant (TEST_NOW) and runs on from there, so a suite
// reads the same calendar whatever day and hour it runs; `npm run test:times` moves that instant.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { CSRF_HEADER } from "../../contracts/auth.ts";
import { DEMO_PASSWORD, loadTianyuan } from "../../demo/tianyuan.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { SettableClock } from "../platform/clock.ts";
import type { Vault } from "../platform/crypto.ts";
import { copyPostgresTemplate, copySqliteTemplate, type DemoTemplate, testVault } from "./demo-template.ts";

export const dialectName = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";

import { TEST_NOW } from "./instant.ts";

export { TEST_NOW };

/** The fields a refusal names (`error.fields[].field`), in the order given. */
export const fieldsNamed = (res: { json: () => { error: { fields?: { field: string }[] } } }): string[] =>
  (res.json().error.fields ?? []).map((f) => f.field);

/** A clock for one suite, started at TEST_NOW (or at `start`). */
export const testClock = (start: Date | string = TEST_NOW) => new SettableClock(start);

/** The run's demo template, when the run has one (vitest's global setup; none when a suite runs outside vitest). */
function demoTemplate(): DemoTemplate | null {
  try {
    return inject("demoTemplate") ?? null;
  } catch {
    return null;
  }
}

export interface TestDatabase {
  database: Database;
  vault: Vault;
  /** The suite's clock: the demo data was written as of its start, and the app reads it. */
  clock: SettableClock;
  drop(): Promise<void>;
}

export async function createTestDatabase(opts: { demo?: boolean; clock?: SettableClock } = {}): Promise<TestDatabase> {
  const clock = opts.clock ?? testClock();
  const vault = testVault();
  // The run's demo template serves a suite that wants the demo as of the run's instant (demo-template.ts).
  const template = opts.demo !== false && Math.abs(clock.now().getTime() - Date.parse(TEST_NOW)) < 60_000 ? demoTemplate() : null;
  const base = process.env.TEST_DATABASE_URL;
  let database: Database;
  let cleanup: () => Promise<void>;
  if (base) {
    const name = `dd_test_${randomBytes(6).toString("hex")}`;
    if (template?.kind === "postgres") {
      await copyPostgresTemplate(base, template, name);
    } else {
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    database = openDatabase({ databaseUrl: url.toString(), sqliteFile: "", poolSize: 20 });
    cleanup = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), "dd-test-"));
    if (template?.kind === "sqlite") copySqliteTemplate(template, join(dir, "test.db"));
    database = openDatabase({ sqliteFile: join(dir, "test.db"), groupCommit: process.env.TEST_SQLITE_GROUP_COMMIT === "1" });
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrateToLatest(database.db);
  if (opts.demo !== false && !template) await loadTianyuan(database.db, vault, clock.now());
  return {
    database,
    vault,
    clock,
    drop: async () => {
      await database.close();
      await cleanup();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  login(username: string, password?: string): Promise<Session>;
  /** Inject as a signed-in user (or anonymously with null), sending the CSRF header. */
  as(session: Session | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** `env`: more configuration for the app (e.g. `RATE_LIMIT_ALLOW`). */
export async function createTestApp(opts: { clock?: SettableClock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const t = await createTestDatabase(opts);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DANDELION_SECRET: "x".repeat(32), ...opts.env });
  const app = await buildApp({ database: t.database, config, vault: t.vault, clock: t.clock, logger: false });
  await app.ready();
  // Each sign-in comes from its own address, as the people a suite plays would: a suite signs in dozens of times
  // a minute, which the per-address sign-in limit (tested in rate-limits.http.test.ts) would refuse from one.
  let logins = 0;
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    logins++;
    const remoteAddress = `10.250.${(logins >> 8) & 255}.${logins & 255}`;
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password }, remoteAddress });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookies = res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    return { cookie: cookies, csrf: res.json().csrfToken };
  };
  return {
    ...t,
    app,
    login,
    as: (session, options) =>
      app.inject({
        ...options,
        headers: {
          ...(options.headers ?? {}),
          ...(session ? { cookie: session.cookie, [CSRF_HEADER]: session.csrf } : {}),
        },
      }),
    close: async () => {
      await app.close();
      await t.drop();
    },
  };
}
