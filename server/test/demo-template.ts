// The demo market, loaded once per test run and copied for each suite: loading it takes seconds (every account's
// password hash, a year of records in a dozen modules) and most suites start from it at the same instant. The run's
// global setup (global-setup.ts) loads it as of TEST_NOW into a SQLite file or a PostgreSQL template database;
// createTestDatabase copies that (a file copy, or `create database … template …`) when its suite starts at TEST_NOW,
// and loads the demo itself otherwise (a suite on its own clock, or no template).
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { loadTianyuan } from "../../demo/tianyuan.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { createVault, type Vault } from "../platform/crypto.ts";
import { TEST_NOW } from "./instant.ts";

export type DemoTemplate = { kind: "sqlite"; file: string; at: string } | { kind: "postgres"; name: string; at: string };

/** The suites' key for personal data at rest; the template is sealed with it too. */
export const TEST_SECRET = "test-secret-test-secret-test-secret-0123";
export const testVault = (): Vault => createVault(TEST_SECRET);

/** Loads the demo as of TEST_NOW into a new template; answers it and how to remove it. */
export async function createDemoTemplate(): Promise<{ template: DemoTemplate; remove: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  const at = new Date(TEST_NOW);
  if (base) {
    const name = `dd_template_${process.pid}_${Date.now().toString(36)}`;
    await onServer(base, `create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const database = openDatabase({ databaseUrl: url.toString(), sqliteFile: "", poolSize: 4 });
    await migrateToLatest(database.db);
    await loadTianyuan(database.db, testVault(), at);
    await database.close();
    return {
      template: { kind: "postgres", name, at: at.toISOString() },
      remove: () => onServer(base, `drop database if exists ${name} with (force)`),
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "dd-template-"));
  const file = join(dir, "demo.db");
  const database = openDatabase({ sqliteFile: file });
  await migrateToLatest(database.db);
  await loadTianyuan(database.db, testVault(), at);
  await database.close();
  return {
    template: { kind: "sqlite", file, at: at.toISOString() },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A suite's own SQLite file, copied from the template (closed, so its WAL is in the file). */
export function copySqliteTemplate(template: DemoTemplate & { kind: "sqlite" }, to: string): void {
  copyFileSync(template.file, to);
}

/** A suite's own PostgreSQL database, copied from the template. */
export async function copyPostgresTemplate(base: string, template: DemoTemplate & { kind: "postgres" }, name: string) {
  // Two suites copying at once can find the template busy for a moment: try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await onServer(base, `create database ${name} template ${template.name}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

async function onServer(base: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}
