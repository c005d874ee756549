// `npm run bench`: generates (or reuses) the district data set, then for each database × connection count
// starts bench/server.ts (the real app + the bare comparison routes, one process) and loads it with autocannon
// from this process. Prints a table per database × connections and writes bench/results/<timestamp>.json.
// Finally measures the start-up time and idle RSS of `node server/main.ts` (first start and restart).
//
//   node bench/run.ts [--duration 10] [--connections 10,50] [--pg [URL]] [--sqlite-only | --pg-only] [--skip-generate]
//                     [--skip-startup] [--startup-only] [--q 超市] [--pq 漏水] [--pstatus confirmed]
//                     [--only list,query,bare,login,insert,create,login1,plist,pquery,psubmit,pinsert,redeem,rinsert,
//                            pbare,psmall,pdecade,pdecadeq,pdistrict,
//                            vsignup,vinsert,vfigures,vfquery,psubmit2]
//                     [--rtokens 60000] [--rounds 3]
// --rounds N measures each database × connection count N times in a row, a fresh server each time, and ends with
// every ratio's median and range over the rounds (on a shared machine one run's ratio can move by a third).
// psubmit2 (PostgreSQL only) starts a second server process and compares one node with two (psubmit1, psubmit2).
// On PostgreSQL every measured run samples pg_stat_activity (bench/pg-sampler.ts): active backends, lock waits.
// Every run reads the CPU time of the app servers, of PostgreSQL's processes and of this process (the load
// generator) around it: how the request's cost divides between the parties sharing the machine's cores.
// BENCH_CPU_PROF=1 writes a CPU profile of the server to bench/results/profiles/.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import { makeCreditCode } from "../demo/identifiers.ts";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import { ensureBuilt } from "../scripts/freshness.js";
import {
  argValue,
  BENCH_REPORTER,
  BENCH_SHOP,
  BENCH_STAFF,
  BENCH_WRITER,
  DEFAULT_PG_URL,
  DEFAULT_SQLITE_FILE,
  describe,
  loginAccount,
  RESULTS_DIR,
  ROOT,
  type Target,
} from "./common.ts";
import { type GenerateResult, generate } from "./generate.ts";
import { type CaringResult, generateCaring } from "./generate-caring.ts";
import { BENCH_DISTRICT_OFFICER, DECADE_STAFF, type DecadeResult, generateDecade } from "./generate-decade.ts";
import { generateProblems, type ProblemsResult } from "./generate-problems.ts";
import { BENCH_DISTRICT, benchVolunteer, generateVolunteers, SIGNUP_VOLUNTEERS, type VolunteersResult } from "./generate-volunteers.ts";
import { formatPgSample, type PgSample, startPgSampler } from "./pg-sampler.ts";
import type { ServerReady } from "./server.ts";

const argv = process.argv.slice(2);
const duration = Number(argValue(argv, "--duration") ?? 10);
/** Each database × connection count measured this many times in a row (a fresh server each), ratios summed up as median and range. */
const rounds = Math.max(1, Number(argValue(argv, "--rounds") ?? 1));
const warmup = Number(argValue(argv, "--warmup") ?? 2);
const connectionCounts = (argValue(argv, "--connections") ?? "10,50").split(",").map(Number);
const only = argValue(argv, "--only")?.split(",");
/** The Chinese substring searched for: a trade word every station's supermarkets carry. */
const SEARCH = argValue(argv, "--q") ?? "超市";
/** The problems list: a two-character fault every station has (about 280 of the listed station's confirmed problems). */
const PSEARCH = argValue(argv, "--pq") ?? "漏水";
const PSTATUS = argValue(argv, "--pstatus") ?? "confirmed";
const problemScenarios = ["plist", "pquery", "psubmit", "pinsert", "psubmit2", "pbare", "psmall", "pdecade", "pdecadeq", "pdistrict"];
/** The scenarios that read the ten-year station or list as the district officer (bench/generate-decade.ts). */
const decadeScenarios = ["pdecade", "pdecadeq", "pdistrict"];
const caringScenarios = ["redeem", "rinsert"];
const volunteerScenarios = ["vsignup", "vinsert", "vfigures", "vfquery"];
/** Presentations made before each redeem run (one per request; a run past them answers 409s, counted as non-2xx). */
const REDEEM_TOKENS = Number(argValue(argv, "--rtokens") ?? 60_000);

const targets: Target[] = [{ kind: "sqlite", file: argValue(argv, "--file") ?? DEFAULT_SQLITE_FILE }];
const pgUrl = argv.includes("--pg")
  ? (argValue(argv, "--pg", process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL) as string)
  : process.env.BENCH_DATABASE_URL;
if (pgUrl && !argv.includes("--sqlite-only")) targets.push({ kind: "postgres", url: pgUrl });
if (argv.includes("--pg-only") && targets.length > 1) targets.shift();
if (connectionCounts.some((c) => !Number.isInteger(c) || c < 1 || c > 200)) throw new Error("--connections: integers 1..200");
if (!(duration > 0 && duration <= 600)) throw new Error("--duration: 1..600 seconds");

interface Measured {
  scenario: string;
  description: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** On PostgreSQL: pg_stat_activity sampled during the measured run (bench/pg-sampler.ts). */
  pg?: PgSample;
  /** The app servers' CPU during the run: share of one core, and ms per request. */
  serverCorePct?: number;
  serverCpuMsPerRequest?: number;
  /** PostgreSQL's processes (every backend, the WAL writer, the checkpointer …) during the run, ms per request. */
  dbCpuMsPerRequest?: number;
  /** This process (autocannon, the load generator, on the same two cores), ms per request. */
  clientCpuMsPerRequest?: number;
}

/** The database sampled during each measured run (PostgreSQL targets only). */
let sampleUrl: string | null = null;
/** The app server processes under load; their CPU time is read around each measured run. */
let serverPids: number[] = [];

/** User + system CPU time of a process so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
const serversCpuMs = () => serverPids.reduce((n, pid) => n + cpuMsOf(pid), 0);

/** Every PostgreSQL process of this machine by pid (/proc/<pid>/comm "postgres"), with its CPU time so far. */
function postgresCpu(): Map<number, number> {
  const by = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") by.set(Number(entry), cpuMsOf(Number(entry)));
    } catch {
      // gone meanwhile
    }
  }
  return by;
}

/**
 * The CPU time of the three parties on the machine's cores, read around a measured run: the app servers, the
 * database's processes (PostgreSQL targets: SQLite runs inside the server) and this process, the load generator.
 * A PostgreSQL process that ends during the run loses its time since the start (the pools keep theirs open).
 */
function cpuMeter(database: boolean) {
  const server0 = serversCpuMs();
  const db0 = database ? postgresCpu() : null;
  const client0 = process.cpuUsage();
  return () => {
    const client = process.cpuUsage(client0);
    let db = Number.NaN;
    if (db0) {
      db = 0;
      for (const [pid, ms] of postgresCpu()) db += ms - (db0.get(pid) ?? 0);
    }
    return { server: serversCpuMs() - server0, db, client: (client.user + client.system) / 1000 };
  };
}

type Cannon = Record<string, unknown>;
type Histogram = { average: number; total: number; p50: number; p99: number };
type CannonResult = { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number };

function cannon(opts: Cannon): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err: unknown, result: CannonResult) => (err ? reject(err) : resolve(result)));
  });
}

async function measure(scenario: string, description: string, opts: Cannon): Promise<Measured> {
  if (warmup > 0) await cannon({ ...opts, duration: warmup });
  const sampler = sampleUrl ? startPgSampler(sampleUrl) : null;
  const meter = cpuMeter(sampleUrl !== null);
  const t0 = performance.now();
  const r = await cannon({ ...opts, duration });
  const used = meter();
  const cpu = used.server;
  const wall = performance.now() - t0;
  const pgSample = sampler ? await sampler.stop() : undefined;
  const m: Measured = {
    scenario,
    description,
    reqPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    pg: pgSample,
    serverCorePct: (100 * cpu) / wall,
    serverCpuMsPerRequest: cpu / Math.max(r.requests.total, 1),
    dbCpuMsPerRequest: used.db / Math.max(r.requests.total, 1),
    clientCpuMsPerRequest: used.client / Math.max(r.requests.total, 1),
  };
  console.log(
    `    ${scenario.padEnd(14)} ${fmt(m.reqPerSec, 0).padStart(8)} req/s  p50 ${fmt(m.p50, 1).padStart(7)} ms  p99 ${fmt(m.p99, 1).padStart(7)} ms` +
      (m.non2xx || m.errors ? `  (non-2xx ${m.non2xx}, errors ${m.errors})` : ""),
  );
  console.log(
    `      server CPU ${fmt(m.serverCorePct ?? Number.NaN, 0)} % of a core, ${fmt(m.serverCpuMsPerRequest ?? Number.NaN, 2)} ms per request${cpuShares(m)}` +
      (pgSample ? `; ${formatPgSample(pgSample)}` : ""),
  );
  return m;
}

/** Runs the cannons at once (one per node) and adds their throughput up; p50 the requests' mean of both, p99 the worse. */
async function measureSplit(scenario: string, description: string, opts: Cannon[]): Promise<Measured> {
  if (warmup > 0) await Promise.all(opts.map((o) => cannon({ ...o, duration: warmup })));
  const sampler = sampleUrl ? startPgSampler(sampleUrl) : null;
  const meter = cpuMeter(sampleUrl !== null);
  const t0 = performance.now();
  const rs = await Promise.all(opts.map((o) => cannon({ ...o, duration })));
  const used = meter();
  const cpu = used.server;
  const wall = performance.now() - t0;
  const pgSample = sampler ? await sampler.stop() : undefined;
  const total = rs.reduce((n, r) => n + r.requests.total, 0);
  const m: Measured = {
    scenario,
    description,
    reqPerSec: rs.reduce((n, r) => n + r.requests.average, 0),
    p50: rs.reduce((n, r) => n + r.latency.p50 * r.requests.total, 0) / Math.max(total, 1),
    p99: Math.max(...rs.map((r) => r.latency.p99)),
    requests: total,
    non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
    errors: rs.reduce((n, r) => n + r.errors, 0),
    timeouts: rs.reduce((n, r) => n + r.timeouts, 0),
    pg: pgSample,
    serverCorePct: (100 * cpu) / wall,
    serverCpuMsPerRequest: cpu / Math.max(total, 1),
    dbCpuMsPerRequest: used.db / Math.max(total, 1),
    clientCpuMsPerRequest: used.client / Math.max(total, 1),
  };
  console.log(
    `    ${scenario.padEnd(14)} ${fmt(m.reqPerSec, 0).padStart(8)} req/s  p50 ${fmt(m.p50, 1).padStart(7)} ms  p99 ${fmt(m.p99, 1).padStart(7)} ms` +
      `  (${rs.map((r) => fmt(r.requests.average, 0)).join(" + ")})` +
      (m.non2xx || m.errors ? `  (non-2xx ${m.non2xx}, errors ${m.errors})` : ""),
  );
  console.log(
    `      server CPU ${fmt(m.serverCorePct ?? Number.NaN, 0)} % of a core, ${fmt(m.serverCpuMsPerRequest ?? Number.NaN, 2)} ms per request${cpuShares(m)}` +
      (pgSample ? `; ${formatPgSample(pgSample)}` : ""),
  );
  return m;
}

/** ", database 0.41, load generator 0.12 ms per request" (the database's part on PostgreSQL only). */
const cpuShares = (m: Measured) =>
  (Number.isFinite(m.dbCpuMsPerRequest) ? `, database ${fmt(m.dbCpuMsPerRequest as number, 2)}` : "") +
  `, load generator ${fmt(m.clientCpuMsPerRequest ?? Number.NaN, 2)} ms per request`;

const fmt = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

function startServer(target: Target): Promise<{ child: ChildProcess; ready: ServerReady }> {
  const execArgv = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${join(RESULTS_DIR, "profiles")}`] : [];
  const child = fork(join(ROOT, "bench/server.ts"), [], {
    env: { ...process.env, BENCH_TARGET: JSON.stringify(target) },
    execArgv,
    stdio: "inherit",
  });
  return new Promise((resolve, reject) => {
    child.once("message", (ready) => resolve({ child, ready: ready as ServerReady }));
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.send("stop");
  await Promise.race([exited, sleep(10_000).then(() => child.kill("SIGKILL"))]);
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : Number.NaN;
}

async function login(base: string, username: string) {
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
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

const wanted = (s: string) => !only || only.includes(s);

async function benchTarget(target: Target, connections: number) {
  sampleUrl = target.kind === "postgres" ? target.url : null;
  const { child, ready } = await startServer(target);
  serverPids = [child.pid as number];
  const app = `http://127.0.0.1:${ready.appPort}`;
  const bare = `http://127.0.0.1:${ready.barePort}`;
  const results: Measured[] = [];
  let rssAfterLoadKb = Number.NaN;
  try {
    const session = await login(app, BENCH_STAFF);
    const writer = await login(app, BENCH_WRITER);
    const listPath = `/api/merchants?q=${encodeURIComponent(SEARCH)}&page=1&pageSize=20`;
    const check = await fetch(app + listPath, { headers: { cookie: session.cookie } });
    const page = (await check.json()) as { total: number; items: unknown[] };
    if (check.status !== 200 || !page.total) throw new Error(`list check failed: ${check.status} ${JSON.stringify(page).slice(0, 200)}`);
    const ceiling = (await (await fetch(`${bare}/bench/query?q=${encodeURIComponent(SEARCH)}`)).json()) as { total: number };
    if (ceiling.total !== page.total) throw new Error(`the ceiling query disagrees with the endpoint: ${ceiling.total} vs ${page.total}`);
    console.log(
      `  ${describe(target)} · ${connections} connections · search "${SEARCH}" → ${page.total} of station ${ready.stationId}'s merchants`,
    );

    const common = { connections, timeout: 30 };
    const pListPath = `/api/problems?q=${encodeURIComponent(PSEARCH)}&status=${PSTATUS}&pageSize=20`;
    const pQueryPath = `/bench/pquery?q=${encodeURIComponent(PSEARCH)}&status=${PSTATUS}`;
    if (problemScenarios.some(wanted)) {
      const res = await fetch(app + pListPath, { headers: { cookie: session.cookie } });
      const pPage = (await res.json()) as { total: number; totalCapped?: boolean; items: unknown[] };
      if (res.status !== 200 || !pPage.total)
        throw new Error(`problems list check failed: ${res.status} ${JSON.stringify(pPage).slice(0, 200)}`);
      const pCeiling = (await (await fetch(bare + pQueryPath)).json()) as { total: number; totalCapped?: boolean };
      if (pCeiling.total !== pPage.total || Boolean(pCeiling.totalCapped) !== Boolean(pPage.totalCapped))
        throw new Error(`the problems ceiling disagrees with the endpoint: ${pCeiling.total} vs ${pPage.total}`);
      console.log(
        `  problems search "${PSEARCH}", status ${PSTATUS} → ${pPage.total}${pPage.totalCapped ? "+" : ""} of station ${ready.stationId}'s problems`,
      );
    }
    if (wanted("list"))
      results.push(
        await measure("list", "GET /api/merchants?q=…&pageSize=20 (session, zod, repository list, stalls, presenter)", {
          ...common,
          url: app + listPath,
          headers: { cookie: session.cookie },
        }),
      );
    if (wanted("query"))
      results.push(
        await measure("query", "GET /bench/query — MerchantsRepository.list only (single-query ceiling)", {
          ...common,
          url: `${bare}/bench/query?q=${encodeURIComponent(SEARCH)}`,
        }),
      );
    if (wanted("bare"))
      results.push(await measure("bare", "GET /bench/bare — { ok: true } (Fastify floor)", { ...common, url: `${bare}/bench/bare` }));
    if (wanted("login")) {
      // One account per connection: each account has at most one login in flight (see docs/performance.md).
      let next = 0;
      results.push(
        await measure("login", "POST /api/auth/login, correct password (scrypt N=16384), one account per connection", {
          ...common,
          url: `${app}/api/auth/login`,
          method: "POST",
          headers: { "content-type": "application/json" },
          setupClient: (client: { setBody(b: string): void }) => {
            client.setBody(JSON.stringify({ username: loginAccount(next++ % 64), password: DEMO_PASSWORD }));
          },
        }),
      );
    }
    if (wanted("insert"))
      results.push(
        await measure("insert", "POST /bench/insert — one merchant row, one transaction (single-insert ceiling)", {
          ...common,
          url: `${bare}/bench/insert`,
          method: "POST",
        }),
      );
    if (wanted("create")) {
      let serial = ready.createSerialBase;
      results.push(
        await measure("create", "POST /api/merchants (session, CSRF, zod, duplicate check, insert, status row, audit chain)", {
          ...common,
          url: `${app}/api/merchants`,
          method: "POST",
          headers: { cookie: writer.cookie, "x-csrf-token": writer.csrf, "content-type": "application/json" },
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => {
                const n = serial++;
                return {
                  ...req,
                  body: JSON.stringify({
                    name: `压测新商户${n}`,
                    category: "catering",
                    operatorName: "压测员",
                    mobile: `139${String(n % 100_000_000).padStart(8, "0")}`,
                    creditCode: makeCreditCode(n),
                    isPartyMember: false,
                  }),
                };
              },
            },
          ],
        }),
      );
    }
    if (wanted("plist"))
      results.push(
        await measure("plist", "GET /api/problems?q=…&status=…&pageSize=20 (session, zod, repository list, files, presenter)", {
          ...common,
          url: app + pListPath,
          headers: { cookie: session.cookie },
        }),
      );
    if (wanted("pquery"))
      results.push(
        await measure("pquery", "GET /bench/pquery — ProblemsRepository.list only (single-query ceiling)", {
          ...common,
          url: bare + pQueryPath,
        }),
      );
    if (wanted("pbare"))
      results.push(
        await measure("pbare", "GET /bench/pbare — bare Fastify, one prepared select … where status = ? order by id limit 20", {
          ...common,
          url: `${bare}/bench/pbare?status=${PSTATUS}`,
        }),
      );
    // The same list where 200, 35,000 and 740,000 problems match: the page should cost the same (issue 16).
    const pageOfStatus = async (scenario: string, username: string, query: string, description: string) => {
      const who = username === BENCH_STAFF ? session : await login(app, username);
      const path = `/api/problems?${query}&pageSize=20`;
      const res = await fetch(app + path, { headers: { cookie: who.cookie } });
      const body = (await res.json()) as { total: number; totalCapped?: boolean; items: unknown[] };
      if (res.status !== 200 || !body.items.length)
        throw new Error(`${scenario} check failed: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      console.log(`  ${scenario}: ${username} ${query} → total ${body.total}${body.totalCapped ? "+" : ""}`);
      results.push(
        await measure(scenario, `${description} (total ${body.total}${body.totalCapped ? "+" : ""})`, {
          ...common,
          url: app + path,
          headers: { cookie: who.cookie },
        }),
      );
    };
    if (wanted("psmall"))
      await pageOfStatus("psmall", BENCH_STAFF, "status=submitted", "GET /api/problems?status=submitted as bench_staff");
    if (wanted("pdecade"))
      await pageOfStatus("pdecade", DECADE_STAFF, `status=${PSTATUS}`, "GET /api/problems?status=… at the ten-year station");
    if (wanted("pdecadeq"))
      await pageOfStatus(
        "pdecadeq",
        DECADE_STAFF,
        `q=${encodeURIComponent(PSEARCH)}&status=${PSTATUS}`,
        "GET /api/problems?q=…&status=… at the ten-year station",
      );
    if (wanted("pdistrict"))
      await pageOfStatus("pdistrict", BENCH_DISTRICT_OFFICER, `status=${PSTATUS}`, "GET /api/problems?status=… as a district officer");
    if (wanted("pinsert"))
      results.push(
        await measure("pinsert", "POST /bench/pinsert — one problem row, one transaction (single-insert ceiling)", {
          ...common,
          url: `${bare}/bench/pinsert`,
          method: "POST",
        }),
      );
    if (wanted("psubmit")) {
      // A merchant of the writer's station; no Idempotency-Key, so the platform claims nothing.
      const reporter = await login(app, BENCH_REPORTER);
      let n = 0;
      results.push(
        await measure(
          "psubmit",
          "POST /api/problems as a merchant (session, CSRF, zod, category, insert, event, audit chain, notification, re-read)",
          {
            ...common,
            url: `${app}/api/problems`,
            method: "POST",
            headers: { cookie: reporter.cookie, "x-csrf-token": reporter.csrf, "content-type": "application/json" },
            requests: [
              {
                setupRequest: (req: Record<string, unknown>) => {
                  const i = n++;
                  return {
                    ...req,
                    body: JSON.stringify({
                      title: `北门水龙头漏水${i}`,
                      description: "今天早上发现北门的水龙头漏水，影响顾客通行，希望尽快维修。",
                      categoryCode: "facility",
                      place: "北门",
                    }),
                  };
                },
              },
            ],
          },
        ),
      );
    }
    if (wanted("psubmit2") && target.kind === "postgres") {
      // Two nodes (issue 16, item 4): a second bench server process on the same database, its own pool; the same
      // merchant's session (made on node A) on both, the connections split between the two ports. Measured right
      // after a one-node run of the same requests (psubmit1), so the two figures share the machine's moment.
      const second = await startServer(target);
      try {
        serverPids = [child.pid as number, second.child.pid as number];
        const appB = `http://127.0.0.1:${second.ready.appPort}`;
        const reporter = await login(app, BENCH_REPORTER);
        let n = 0;
        const submit = (base: string, conns: number) => ({
          ...common,
          connections: conns,
          url: `${base}/api/problems`,
          method: "POST",
          headers: { cookie: reporter.cookie, "x-csrf-token": reporter.csrf, "content-type": "application/json" },
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => ({
                ...req,
                body: JSON.stringify({
                  title: `两节点漏水${n++}`,
                  description: "今天早上发现北门的水龙头漏水，影响顾客通行，希望尽快维修。",
                  categoryCode: "facility",
                  place: "北门",
                }),
              }),
            },
          ],
        });
        results.push(
          await measure("psubmit1", "POST /api/problems on one node (node A; the two-node run's reference)", submit(app, connections)),
        );
        const half = Math.max(1, Math.floor(connections / 2));
        results.push(
          await measureSplit(
            "psubmit2",
            "POST /api/problems on two nodes (two processes, one PostgreSQL database), connections split between them",
            [submit(app, half), submit(appB, connections - half || 1)],
          ),
        );
      } finally {
        serverPids = [child.pid as number];
        await stopServer(second.child);
      }
    }
    if (wanted("rinsert"))
      results.push(
        await measure("rinsert", "POST /bench/rinsert — one redemption row, one transaction (single-insert ceiling)", {
          ...common,
          url: `${bare}/bench/rinsert`,
          method: "POST",
        }),
      );
    if (wanted("redeem")) {
      // Each request redeems a fresh QR presentation (made beforehand, valid 15 minutes) as the caring shop.
      const shop = await login(app, BENCH_SHOP);
      const made = await fetch(`${bare}/bench/present?n=${REDEEM_TOKENS}`, { method: "POST" });
      if (made.status !== 201) throw new Error(`presentations: ${made.status} ${await made.text()}`);
      const { tokens } = (await made.json()) as { tokens: string[] };
      const probe = await fetch(`${app}/api/caring/redemptions`, {
        method: "POST",
        headers: { cookie: shop.cookie, "x-csrf-token": shop.csrf, "content-type": "application/json" },
        body: JSON.stringify({ token: tokens[0], amountFen: 8_800 }),
      });
      if (probe.status !== 201) throw new Error(`redemption check failed: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
      let n = 1;
      results.push(
        await measure(
          "redeem",
          "POST /api/caring/redemptions with a fresh QR token (session, CSRF, zod, verify, lock, caps, record, audit)",
          {
            ...common,
            url: `${app}/api/caring/redemptions`,
            method: "POST",
            headers: { cookie: shop.cookie, "x-csrf-token": shop.csrf, "content-type": "application/json" },
            requests: [
              {
                setupRequest: (req: Record<string, unknown>) => ({
                  ...req,
                  body: JSON.stringify({ token: tokens[n++ % tokens.length], amountFen: 1_000 + (n % 20_000) }),
                }),
              },
            ],
          },
        ),
      );
      if (n > tokens.length) console.log(`    (redeem used ${n} requests for ${tokens.length} tokens: raise --rtokens)`);
    }
    if (wanted("vinsert"))
      results.push(
        await measure("vinsert", "POST /bench/vinsert — one sign-up row, one transaction (single-insert ceiling)", {
          ...common,
          url: `${bare}/bench/vinsert`,
          method: "POST",
        }),
      );
    if (wanted("vsignup")) {
      // Consecutive requests go to consecutive occurrences (the 2,000 of them in turn, then again with the next
      // volunteer), so every request is a new sign-up (a place, or the waiting list) and requests in flight rarely wait
      // for one occurrence's row; cleared before and after the run. (autocannon resets a connection's context after each
      // request of a one-request list: the counter is the runner's.)
      const { ids } = (await (await fetch(`${bare}/bench/voccurrences`)).json()) as { ids: number[] };
      if (ids.length === 0) throw new Error("no sign-up occurrences: run bench/generate-volunteers.ts");
      const volunteers: { cookie: string; csrf: string }[] = [];
      for (let i = 0; i < SIGNUP_VOLUNTEERS; i++) volunteers.push(await login(app, benchVolunteer(i)));
      await fetch(`${bare}/bench/vclear`, { method: "POST" });
      const probe = await fetch(`${app}/api/volunteer-occurrences/${ids[0]}/signups`, {
        method: "POST",
        headers: { cookie: volunteers[0].cookie, "x-csrf-token": volunteers[0].csrf, "content-type": "application/json" },
        body: "{}",
      });
      if (probe.status !== 201) throw new Error(`sign-up check failed: ${probe.status} ${(await probe.text()).slice(0, 200)}`);
      await fetch(`${bare}/bench/vclear`, { method: "POST" });
      let n = 0;
      results.push(
        await measure(
          "vsignup",
          "POST /api/volunteer-occurrences/:id/signups as volunteers (session, CSRF, zod, membership, occurrence row taken, places, insert, audit chain, re-read)",
          {
            ...common,
            url: app,
            method: "POST",
            requests: [
              {
                setupRequest: (req: Record<string, unknown>) => {
                  const i = n++;
                  const id = ids[i % ids.length];
                  const v = volunteers[Math.floor(i / ids.length) % volunteers.length];
                  return {
                    ...req,
                    path: `/api/volunteer-occurrences/${id}/signups`,
                    headers: { cookie: v.cookie, "x-csrf-token": v.csrf, "content-type": "application/json" },
                    body: "{}",
                  };
                },
              },
            ],
          },
        ),
      );
      if (n > volunteers.length * ids.length)
        console.log(`    (vsignup made ${n} requests for ${volunteers.length * ids.length} sign-ups)`);
      await fetch(`${bare}/bench/vclear`, { method: "POST" });
    }
    if (wanted("vfquery"))
      results.push(
        await measure(
          "vfquery",
          "GET /bench/vfquery — the figures' sums and ids of the district's counted sign-ups, twelve months (query ceiling)",
          {
            ...common,
            url: `${bare}/bench/vfquery`,
          },
        ),
      );
    if (wanted("vfigures")) {
      const officer = await login(app, BENCH_DISTRICT);
      const res = await fetch(`${app}/api/volunteer-figures`, { headers: { cookie: officer.cookie } });
      const body = (await res.json()) as { hoursByTeam?: { citation: { recordCount: number } } };
      if (res.status !== 200 || !body.hoursByTeam?.citation.recordCount)
        throw new Error(`figures check failed: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
      console.log(`  volunteer figures of the district: ${body.hoursByTeam.citation.recordCount} records behind the hours`);
      results.push(
        await measure("vfigures", "GET /api/volunteer-figures as a district officer (every figure of 200 stations, twelve months)", {
          ...common,
          url: `${app}/api/volunteer-figures`,
          headers: { cookie: officer.cookie },
        }),
      );
    }
    if (wanted("login1")) {
      // A probe, not a figure: concurrent correct logins to ONE account.
      results.push(
        await measure("login-1acct", "POST /api/auth/login, all connections on one account (lock-out probe)", {
          ...common,
          url: `${app}/api/auth/login`,
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            username: `bench_staff_${11 + 10 * ((connections + (target.kind === "postgres" ? 7 : 0)) % 18)}`,
            password: DEMO_PASSWORD,
          }),
        }),
      );
    }
    rssAfterLoadKb = rssKb(child.pid as number);
  } finally {
    await stopServer(child);
  }
  const by = (s: string) => results.find((r) => r.scenario === s);
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? a / b : Number.NaN);
  const ratios = {
    listVsQueryReqPerSec: ratio(by("list")?.reqPerSec, by("query")?.reqPerSec),
    listVsQueryP99: ratio(by("list")?.p99, by("query")?.p99),
    queryVsBareReqPerSec: ratio(by("query")?.reqPerSec, by("bare")?.reqPerSec),
    loginVsBareReqPerSec: ratio(by("login")?.reqPerSec, by("bare")?.reqPerSec),
    createVsInsertReqPerSec: ratio(by("create")?.reqPerSec, by("insert")?.reqPerSec),
    plistVsPqueryReqPerSec: ratio(by("plist")?.reqPerSec, by("pquery")?.reqPerSec),
    plistVsPqueryP99: ratio(by("plist")?.p99, by("pquery")?.p99),
    psubmitVsPinsertReqPerSec: ratio(by("psubmit")?.reqPerSec, by("pinsert")?.reqPerSec),
    twoNodesVsOneReqPerSec: ratio(by("psubmit2")?.reqPerSec, by("psubmit1")?.reqPerSec),
    plistVsPbareReqPerSec: ratio(by("plist")?.reqPerSec, by("pbare")?.reqPerSec),
    psmallVsPbareReqPerSec: ratio(by("psmall")?.reqPerSec, by("pbare")?.reqPerSec),
    pdecadeVsPsmallP99: ratio(by("pdecade")?.p99, by("psmall")?.p99),
    pdistrictVsPsmallP99: ratio(by("pdistrict")?.p99, by("psmall")?.p99),
    redeemVsRinsertReqPerSec: ratio(by("redeem")?.reqPerSec, by("rinsert")?.reqPerSec),
    redeemVsRinsertP99: ratio(by("redeem")?.p99, by("rinsert")?.p99),
    vsignupVsVinsertReqPerSec: ratio(by("vsignup")?.reqPerSec, by("vinsert")?.reqPerSec),
    vsignupVsVinsertP99: ratio(by("vsignup")?.p99, by("vinsert")?.p99),
    vfiguresVsVfqueryReqPerSec: ratio(by("vfigures")?.reqPerSec, by("vfquery")?.reqPerSec),
  };
  return { database: target.kind, connections, results, ratios, rssAfterLoadMb: rssAfterLoadKb / 1024 };
}

function printTable(run: Awaited<ReturnType<typeof benchTarget>>) {
  console.log(`\n  ${run.database} · ${run.connections} connections`);
  console.log(
    `  ${"scenario".padEnd(14)} ${"req/s".padStart(9)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)}` +
      ` ${"CPU %".padStart(6)} ${"CPU ms/req".padStart(10)}` +
      (run.database === "postgres" ? ` ${"db ms/req".padStart(9)} ${"active".padStart(7)} ${"lock-wait".padStart(9)}` : ""),
  );
  for (const r of run.results)
    console.log(
      `  ${r.scenario.padEnd(14)} ${fmt(r.reqPerSec, 0).padStart(9)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${String(r.non2xx).padStart(8)}` +
        ` ${fmt(r.serverCorePct ?? Number.NaN, 0).padStart(6)} ${fmt(r.serverCpuMsPerRequest ?? Number.NaN, 2).padStart(10)}` +
        (r.pg
          ? ` ${fmt(r.dbCpuMsPerRequest ?? Number.NaN, 2).padStart(9)} ${fmt(r.pg.active, 1).padStart(7)} ${fmt(r.pg.lockWaiting, 2).padStart(9)}`
          : ""),
    );
  const q = run.ratios;
  console.log(
    `  list / query ceiling: ${fmt(q.listVsQueryReqPerSec * 100, 0)} % of req/s, p99 × ${fmt(q.listVsQueryP99, 2)};  ` +
      `query / bare: ${fmt(q.queryVsBareReqPerSec * 100, 0)} %;  login / bare: ${fmt(q.loginVsBareReqPerSec * 100, 2)} %;  ` +
      `create / insert: ${fmt(q.createVsInsertReqPerSec * 100, 0)} %;  server RSS after load ${fmt(run.rssAfterLoadMb, 0)} MB`,
  );
  console.log(
    `  plist / pquery: ${fmt(q.plistVsPqueryReqPerSec * 100, 0)} % of req/s (target ≥ 70 %), p99 × ${fmt(q.plistVsPqueryP99, 2)};  ` +
      `psubmit / pinsert: ${fmt(q.psubmitVsPinsertReqPerSec * 100, 0)} % (target ≥ 50 %)`,
  );
  if (run.results.some((r) => r.scenario === "psubmit2"))
    console.log(`  two nodes / one node (psubmit2 / psubmit1): ${fmt(q.twoNodesVsOneReqPerSec * 100, 0)} % of req/s (target ≥ 100 %)`);
  if (run.results.some((r) => r.scenario === "pbare" || r.scenario === "psmall"))
    console.log(
      `  psmall / pbare: ${fmt(q.psmallVsPbareReqPerSec * 100, 0)} % (the status list, target ≥ 40 %);  plist (text search) / pbare: ${fmt(q.plistVsPbareReqPerSec * 100, 0)} %;  ` +
        `p99 pdecade ÷ psmall × ${fmt(q.pdecadeVsPsmallP99, 2)}, pdistrict ÷ psmall × ${fmt(q.pdistrictVsPsmallP99, 2)} (target ≤ 1.5)`,
    );
  if (run.results.some((r) => r.scenario === "redeem" || r.scenario === "rinsert"))
    console.log(
      `  redeem / rinsert: ${fmt(q.redeemVsRinsertReqPerSec * 100, 0)} % of req/s (target ≥ 50 %), p99 × ${fmt(q.redeemVsRinsertP99, 2)} (target ≤ 3)`,
    );
  if (run.results.some((r) => r.scenario.startsWith("v")))
    console.log(
      `  vsignup / vinsert: ${fmt(q.vsignupVsVinsertReqPerSec * 100, 0)} % of req/s, p99 × ${fmt(q.vsignupVsVinsertP99, 2)};  ` +
        `vfigures / vfquery: ${fmt(q.vfiguresVsVfqueryReqPerSec * 100, 0)} %`,
    );
}

type Run = Awaited<ReturnType<typeof benchTarget>>;
interface RoundsSummary {
  database: string;
  connections: number;
  rounds: number;
  /** Each ratio measured in every round: its median and its range. */
  ratios: Record<string, { median: number; min: number; max: number }>;
}

/** The ratios of consecutive rounds of one database × connection count: median and range of each (the machine moves). */
function summarise(these: Run[]): RoundsSummary {
  const ratios: RoundsSummary["ratios"] = {};
  for (const key of Object.keys(these[0].ratios) as (keyof Run["ratios"])[]) {
    const values = these.map((r) => r.ratios[key]).filter((v): v is number => Number.isFinite(v));
    if (values.length !== these.length) continue;
    values.sort((a, b) => a - b);
    const mid = Math.floor(values.length / 2);
    const median = values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    ratios[key] = { median, min: values[0], max: values[values.length - 1] };
  }
  return { database: these[0].database, connections: these[0].connections, rounds: these.length, ratios };
}

function printSummary(s: RoundsSummary) {
  console.log(`\n  ${s.database} · ${s.connections} connections · ${s.rounds} rounds: ratio, median (range)`);
  for (const [key, r] of Object.entries(s.ratios)) {
    const asShare = key.endsWith("ReqPerSec");
    const show = (v: number) => (asShare ? `${fmt(v * 100, 0)} %` : `× ${fmt(v, 2)}`);
    console.log(`    ${key.padEnd(30)} ${show(r.median).padStart(8)}  (${show(r.min)} – ${show(r.max)})`);
  }
}

/** The environment for main.ts: ours without any database URL or secret (SQLite, secret kept in DATA_DIR). */
function mainEnv(extra: Record<string, string>) {
  const env: Record<string, string | undefined> = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.DANDELION_SECRET;
  return env;
}

/**
 * Runs what `npm start` runs (`node --max-semi-space-size=4 scripts/start.js`: the server
 * from its compiled JavaScript) on a SQLite file; times spawn → first /healthz, waits for /readyz, idles 5 s, reads
 * RSS. The web apps and the server's JavaScript are built before the first start, so neither build is timed.
 */
async function startup(dir: string, label: string) {
  const port = 3977;
  const spawned = performance.now();
  // The same command and settings as `npm start` (package.json): a small young generation.
  const child = spawn(process.execPath, ["--max-semi-space-size=4", join(ROOT, "scripts/start.js")], {
    cwd: ROOT,
    env: mainEnv({
      PORT: String(port),
      HOST: "127.0.0.1",
      SQLITE_FILE: join(dir, "dandelion.db"),
      DATA_DIR: dir,
      DEMO_DATA: "true",
      LOG_LEVEL: "warn",
    }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    let firstAnswerMs = Number.NaN;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) {
          firstAnswerMs = performance.now() - spawned;
          break;
        }
      } catch {}
      await sleep(10);
    }
    if (!Number.isFinite(firstAnswerMs)) throw new Error(`${label}: the server did not answer /healthz`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (!ready.ok) throw new Error(`${label}: /readyz answered ${ready.status}`);
    await sleep(5000);
    const idleRssMb = rssKb(child.pid as number) / 1024;
    console.log(`  ${label.padEnd(32)} start to first answer ${fmt(firstAnswerMs, 0).padStart(6)} ms   idle RSS ${fmt(idleRssMb, 1)} MB`);
    return { label, firstAnswerMs, idleRssMb };
  } finally {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    if (child.exitCode === null) child.kill("SIGTERM");
    await Promise.race([exited, sleep(12_000).then(() => child.kill("SIGKILL"))]);
  }
}

async function measureStartup() {
  console.log("\nStart-up and idle memory of `npm start` (scripts/start.js; SQLite, demo data, port 3977)");
  ensureBuilt({ quiet: true });
  const dir = mkdtempSync(join(tmpdir(), "dd-bench-start-"));
  try {
    const first = await startup(dir, "first start (empty db, demo load)");
    const again = await startup(dir, "restart (existing db)");
    return [first, again];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- main ----
mkdirSync(RESULTS_DIR, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const generation: Record<string, GenerateResult | ProblemsResult | CaringResult | VolunteersResult | DecadeResult> = {};
if (!argv.includes("--skip-generate")) {
  // The million problems only when a problems scenario is asked for (they add about a minute per database).
  for (const t of targets) generation[t.kind] = problemScenarios.some(wanted) ? await generateProblems(t) : await generate(t);
  // The ten-year station and the district officer when a scenario reads them (bench/generate-decade.ts).
  for (const t of targets) if (decadeScenarios.some(wanted)) generation[`${t.kind}-decade`] = await generateDecade(t);
  // The caring shop and its card holders when a redemption scenario is asked for (seconds; reused once made).
  for (const t of targets) if (caringScenarios.some(wanted)) generation[`${t.kind}-caring`] = await generateCaring(t);
  // The district's year of volunteering and the sign-up team when a volunteer scenario is asked for (reused once made).
  for (const t of targets) if (volunteerScenarios.some(wanted)) generation[`${t.kind}-volunteers`] = await generateVolunteers(t);
}
const runs = [];
const summaries: RoundsSummary[] = [];
for (const t of argv.includes("--startup-only") ? [] : targets) {
  for (const c of connectionCounts) {
    const these = [];
    for (let round = 1; round <= rounds; round++) {
      const of = rounds > 1 ? `, round ${round} of ${rounds}` : "";
      console.log(`\n${describe(t)} — ${c} connections, ${duration} s per scenario (${warmup} s warm-up discarded)${of}`);
      const run = await benchTarget(t, c);
      runs.push(run);
      these.push(run);
    }
    if (rounds > 1) summaries.push(summarise(these));
  }
}
console.log(`\n==== Results (${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}) ====`);
for (const run of runs) printTable(run);
for (const summary of summaries) printSummary(summary);
const startupResults = argv.includes("--skip-startup") ? [] : await measureStartup();
const out = join(RESULTS_DIR, `${stamp}.json`);
writeFileSync(
  out,
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      command: `node bench/run.ts ${argv.join(" ")}`.trim(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model, memoryGb: totalmem() / 2 ** 30, node: process.version },
      duration,
      warmup,
      search: SEARCH,
      problemsSearch: { q: PSEARCH, status: PSTATUS },
      generation,
      runs,
      summaries,
      startup: startupResults,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWritten ${out}`);
