import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectName } from "./test/helpers.ts";

const cliPath = resolve(import.meta.dirname, "cli.ts");

describe(`command line (${dialectName})`, () => {
  const dir = mkdtempSync(join(tmpdir(), "dd-cli-"));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), SQLITE_FILE: join(dir, "d.db"), DATA_DIR: dir };
  delete env.DATABASE_URL;
  let dbName = "";
  const base = process.env.TEST_DATABASE_URL;

  const cli = (...args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { env, encoding: "utf8" });
  const tamper = async (sqlText: string) => {
    if (base) {
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      await c.connect();
      await c.query(sqlText);
      await c.end();
    } else {
      const db = new DatabaseSync(env.SQLITE_FILE);
      db.exec(sqlText);
      db.close();
    }
  };

  beforeAll(async () => {
    if (base) {
      dbName = `dd_cli_${randomBytes(5).toString("hex")}`;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`create database ${dbName}`);
      await c.end();
      const url = new URL(base);
      url.pathname = `/${dbName}`;
      env.DATABASE_URL = url.toString();
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (base) {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${dbName} with (force)`);
      await c.end();
    }
  });

  it("loads the demo market once, and refuses to load over data without --reset", () => {
    const first = cli("seed");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("zhanzhang");
    const again = cli("seed");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("--reset");
    expect(cli("seed", "--reset").status).toBe(0);
  });

  it("verifies an intact audit chain, then names an edited entry", async () => {
    const ok = cli("audit:verify");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/audit chain intact: \d+ entries checked/);
    await tamper("update audit_log set actor_name = 'someone else' where seq = 1");
    const bad = cli("audit:verify");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("entry 1: edited");
  });

  it.skipIf(Boolean(base))("backs up a running SQLite database and restores it", async () => {
    const backupFile = join(dir, "backup.db");
    await tamper("update audit_log set actor_name = 'system' where seq = 1");
    expect(cli("audit:verify").status).toBe(0);
    const b = cli("backup", backupFile);
    expect(b.status).toBe(0);
    expect(existsSync(backupFile)).toBe(true);
    const count = () => {
      const db = new DatabaseSync(env.SQLITE_FILE);
      const n = (db.prepare("select count(*) as n from merchant_status_changes").get() as { n: number }).n;
      db.close();
      return n;
    };
    const before = count();
    expect(before).toBeGreaterThan(0);
    await tamper("delete from merchant_status_changes");
    expect(count()).toBe(0);
    const r = cli("restore", backupFile);
    expect(r.status).toBe(0);
    expect(count()).toBe(before);
    expect(cli("audit:verify").status).toBe(0);
  });

  it.skipIf(Boolean(base))("refuses to restore a file that is not a Dandelion database", () => {
    const junk = join(dir, "junk.db");
    new DatabaseSync(junk).close();
    const r = cli("restore", junk);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("not a sound Dandelion backup");
  });

  it.runIf(Boolean(base))("prints the pg_dump command on PostgreSQL without leaking a password", () => {
    const r = cli("backup", "x.dump");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("pg_dump --format=custom");
  });
});
