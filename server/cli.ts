// Operations from the command line: migrate, seed (reset needs a flag), backup, restore, audit:verify.
import { copyFileSync, existsSync, renameSync, rmSync } from "node:fs";
import { backup, DatabaseSync } from "node:sqlite";
import { DEMO_PASSWORD, isEmpty, loadTianyuan } from "../demo/tianyuan.ts";
import { loadConfig } from "./config.ts";
import { openDatabase } from "./db/database.ts";
import { wipePostgresSchema } from "./db/maintenance.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { verifyAuditChain } from "./platform/audit.ts";
import { clockFromEnv } from "./platform/clock.ts";
import { createVault, resolveSecret } from "./platform/crypto.ts";

const [command, ...args] = process.argv.slice(2);
const config = loadConfig();
const open = () => openDatabase({ databaseUrl: config.DATABASE_URL, sqliteFile: config.SQLITE_FILE });

function usage(): never {
  console.error(`usage: npm run cli -- <command>
  migrate                 apply pending migrations
  seed [--reset]          load the Tianyuan demo data into an empty database (--reset wipes it first)
  backup <file>           online backup of the SQLite database (PostgreSQL: prints the pg_dump command)
  restore <file>          replace the SQLite database with a backup (stop the server first)
  audit:verify            check the audit log's hash chain; exits 1 naming each bad entry`);
  process.exit(2);
}

switch (command) {
  case "migrate": {
    const database = open();
    const done = await migrateToLatest(database.db);
    console.log(done.length ? `applied: ${done.join(", ")}` : "already up to date");
    await database.close();
    break;
  }
  case "seed": {
    let database = open();
    if (args.includes("--reset")) {
      if (database.dialect === "postgres") {
        await wipePostgresSchema(database.db);
      } else {
        await database.close();
        for (const suffix of ["", "-wal", "-shm"]) rmSync(config.SQLITE_FILE + suffix, { force: true });
        database = open();
      }
      console.log("database wiped");
    }
    await migrateToLatest(database.db);
    if (!(await isEmpty(database.db))) {
      console.error("the database already holds data; run `npm run db:seed -- --reset` to wipe and reload it");
      await database.close();
      process.exit(1);
    }
    const accounts = await loadTianyuan(
      database.db,
      createVault(resolveSecret(config.DANDELION_SECRET, config.DATA_DIR)),
      clockFromEnv().now(),
    );
    console.log(`Tianyuan demo data loaded; accounts (password ${DEMO_PASSWORD}): ${accounts.map((a) => a.username).join(", ")}`);
    await database.close();
    break;
  }
  case "backup": {
    const target = args[0] ?? usage();
    if (config.DATABASE_URL) {
      console.log(`PostgreSQL: run  pg_dump --format=custom --file=${target} "${config.DATABASE_URL.replace(/:[^:@/]+@/, ":***@")}"`);
      break;
    }
    const source = new DatabaseSync(config.SQLITE_FILE);
    const pages = await backup(source, target);
    source.close();
    console.log(`backed up ${config.SQLITE_FILE} to ${target} (${pages} pages)`);
    break;
  }
  case "restore": {
    const file = args[0] ?? usage();
    if (config.DATABASE_URL) {
      console.log(`PostgreSQL: run  pg_restore --clean --dbname="${config.DATABASE_URL.replace(/:[^:@/]+@/, ":***@")}" ${file}`);
      break;
    }
    if (!existsSync(file)) {
      console.error(`no such file: ${file}`);
      process.exit(1);
    }
    const check = new DatabaseSync(file, { readOnly: true });
    const ok = check.prepare("pragma integrity_check").get() as { integrity_check: string };
    const hasTables = check.prepare("select count(*) as n from sqlite_master where name in ('audit_log','merchants')").get() as {
      n: number;
    };
    check.close();
    if (ok.integrity_check !== "ok" || hasTables.n !== 2) {
      console.error(`${file} is not a sound Dandelion backup`);
      process.exit(1);
    }
    if (existsSync(config.SQLITE_FILE)) renameSync(config.SQLITE_FILE, `${config.SQLITE_FILE}.before-restore`);
    for (const suffix of ["-wal", "-shm"]) rmSync(config.SQLITE_FILE + suffix, { force: true });
    copyFileSync(file, config.SQLITE_FILE);
    console.log(`restored ${file} to ${config.SQLITE_FILE} (previous file kept as .before-restore)`);
    break;
  }
  case "audit:verify": {
    const database = open();
    const result = await verifyAuditChain(database.db);
    await database.close();
    if (result.ok) {
      console.log(`audit chain intact: ${result.checked} entries checked in ${result.chains} chains`);
    } else {
      for (const p of result.problems) console.error(`entry ${p.seq}: ${p.kind} (chain ${p.chain}) — ${p.message}`);
      console.error(`audit chain BROKEN: ${result.problems.length} problem(s) in ${result.checked} entries`);
      process.exit(1);
    }
    break;
  }
  default:
    usage();
}
