// The crash harness (issue 16, item 6): the real server (`node server/main.ts`, demo data) under N concurrent
// writers through the API, killed with SIGKILL at a random moment, then checked with the server down and
// started again for the next round. Every round checks:
//   - every problem the API acknowledged (201 with its id) is in the database, with the title it was sent;
//   - SQLite: PRAGMA integrity_check answers ok (PostgreSQL: amcheck is not assumed; the table is read whole);
//   - the audit chains verify (verifyAuditChain, what `npm run cli -- audit:verify` runs), and every
//     acknowledged problem has its "problem.created" entry.
//
//   node bench/crash.ts [--rounds 20] [--writers 16] [--pg [URL]] [--group-commit] [--min-ms 300] [--max-ms 2500] [--keep]
//
// SQLite by default (a fresh file under a temporary folder); --pg uses a fresh database (dd_perf_crash by
// default). --group-commit runs the SQLite server with SQLITE_GROUP_COMMIT=true. Prints one line per round and a summary; exits 1 on the first lost write or failed check.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import { openDatabase } from "../server/db/database.ts";
import { verifyAuditChain } from "../server/platform/audit.ts";
import { argValue, ensurePgDatabase, ROOT } from "./common.ts";

const argv = process.argv.slice(2);
const pgUrl = argv.includes("--pg") ? (argValue(argv, "--pg", "postgres://postgres@127.0.0.1:5432/dd_perf_crash") as string) : null;
const rounds = Number(argValue(argv, "--rounds") ?? (pgUrl ? 5 : 20));
const writers = Number(argValue(argv, "--writers") ?? 16);
const minMs = Number(argValue(argv, "--min-ms") ?? 300);
const maxMs = Number(argValue(argv, "--max-ms") ?? 2500);
const port = Number(argValue(argv, "--port") ?? 3987);
const base = `http://127.0.0.1:${port}`;

const dir = mkdtempSync(join(tmpdir(), "dd-crash-"));
const sqliteFile = join(dir, "dandelion.db");
if (pgUrl) await ensurePgDatabase(pgUrl, true);

function serverEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: dir,
    SQLITE_FILE: sqliteFile,
    DEMO_DATA: "true",
    LOG_LEVEL: "warn",
    DANDELION_SECRET: "crash-harness-secret-0123456789abcdef",
    // The writers come from the loopback: never rate limited.
    RATE_LIMIT_ALLOW: "127.0.0.1,::1,::ffff:127.0.0.1",
  };
  if (argv.includes("--group-commit")) env.SQLITE_GROUP_COMMIT = "true";
  if (pgUrl) env.DATABASE_URL = pgUrl;
  else delete env.DATABASE_URL;
  return env;
}

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, "server/main.ts")], {
    cwd: ROOT,
    env: serverEnv(),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.ok) return child;
    } catch {}
    await sleep(50);
  }
  child.kill("SIGKILL");
  throw new Error("the server did not become ready");
}

async function login(username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

interface Acked {
  id: number;
  title: string;
}

/** One writer: submits problems one after another until the server goes away; answers the acknowledged ones. */
async function writer(round: number, w: number, session: { cookie: string; csrf: string }, acked: Acked[], stop: { dead: boolean }) {
  let i = 0;
  let failures = 0;
  while (!stop.dead) {
    const title = `崩溃测试 r${round} w${w} #${i++}`;
    try {
      const res = await fetch(`${base}/api/problems`, {
        method: "POST",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrf, "content-type": "application/json" },
        body: JSON.stringify({
          title,
          description: "崩溃测试写入，检查确认过的写入在强制结束后仍在",
          categoryCode: "facility",
          place: "北门",
        }),
      });
      const body = (await res.json()) as { id?: number };
      if (res.status === 201 && typeof body.id === "number") acked.push({ id: body.id, title });
      else if (++failures > 50) throw new Error(`writer ${w}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    } catch (error) {
      if (stop.dead) return;
      if ((error as Error).message.startsWith("writer")) throw error;
      // The connection was cut by the kill: this writer's last request is unacknowledged, which is allowed.
      return;
    }
  }
}

async function check(acked: Acked[]) {
  const database = pgUrl ? openDatabase({ databaseUrl: pgUrl, sqliteFile: "" }) : openDatabase({ sqliteFile });
  try {
    const db = database.db;
    let integrity = "ok";
    if (database.dialect === "sqlite") {
      const rows = (await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db)).rows;
      integrity = rows.map((r) => r.integrity_check).join("; ");
    } else {
      await sql`select count(*) from problems`.execute(db);
    }
    const missing: Acked[] = [];
    const found = new Map<number, string>();
    for (let i = 0; i < acked.length; i += 500) {
      const ids = acked.slice(i, i + 500).map((a) => a.id);
      if (ids.length === 0) continue;
      for (const r of await db.selectFrom("problems").select(["id", "title"]).where("id", "in", ids).execute()) found.set(r.id, r.title);
    }
    for (const a of acked) if (found.get(a.id) !== a.title) missing.push(a);
    const audited = new Set<string>();
    for (let i = 0; i < acked.length; i += 500) {
      const ids = acked.slice(i, i + 500).map((a) => String(a.id));
      if (ids.length === 0) continue;
      const rows = await db
        .selectFrom("audit_log")
        .select("object_id")
        .where("action", "=", "problem.created")
        .where("object_id", "in", ids)
        .execute();
      for (const r of rows) if (r.object_id) audited.add(r.object_id);
    }
    const unaudited = acked.filter((a) => !audited.has(String(a.id))).length;
    const audit = await verifyAuditChain(db);
    return { integrity, missing, unaudited, audit };
  } finally {
    await database.close();
  }
}

const summary: { round: number; acked: number; killedAfterMs: number; ok: boolean }[] = [];
let failed = false;
console.log(
  `crash harness: ${pgUrl ? `PostgreSQL ${pgUrl}` : `SQLite ${sqliteFile}`}${argv.includes("--group-commit") ? " with group commit" : ""}, ${rounds} rounds, ${writers} writers`,
);
// First start: the demo data is loaded; the merchant's session is made once and lasts the whole run.
let server = await startServer();
const session = await login("shanghu");
try {
  for (let round = 1; round <= rounds; round++) {
    if (round > 1) server = await startServer();
    const acked: Acked[] = [];
    const stop = { dead: false };
    const running = Array.from({ length: writers }, (_, w) => writer(round, w, session, acked, stop));
    const killAfter = Math.round(minMs + Math.random() * (maxMs - minMs));
    await sleep(killAfter);
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGKILL");
    await exited;
    stop.dead = true;
    await Promise.all(running);
    const r = await check(acked);
    const ok = r.integrity === "ok" && r.missing.length === 0 && r.unaudited === 0 && r.audit.ok;
    summary.push({ round, acked: acked.length, killedAfterMs: killAfter, ok });
    console.log(
      `  round ${String(round).padStart(2)}: killed after ${String(killAfter).padStart(4)} ms, ${String(acked.length).padStart(5)} acknowledged, ` +
        `${r.missing.length} missing, ${r.unaudited} without audit entry, integrity ${r.integrity}, ` +
        `audit ${r.audit.ok ? "ok" : "BROKEN"} (${r.audit.checked} entries, ${r.audit.chains} chains)` +
        (ok ? "" : `  ← FAILED ${JSON.stringify({ missing: r.missing.slice(0, 5), problems: r.audit.problems.slice(0, 5) })}`),
    );
    if (!ok) {
      failed = true;
      break;
    }
  }
} finally {
  if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
  if (!argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
}
const total = summary.reduce((n, s) => n + s.acked, 0);
console.log(
  `${failed ? "FAILED" : "passed"}: ${summary.filter((s) => s.ok).length}/${rounds} rounds, ${total} acknowledged writes, none lost${failed ? " (until the failure)" : ""}`,
);
process.exit(failed ? 1 : 0);
