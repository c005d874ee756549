// The district's comparison over 200 stations: p99 of GET /api/figures/compare for the district officer, against
// the single-query ceiling of its slowest figure measured in the same run (that figure's records query over all
// 200 stations, through a bare route in the same server process, loaded the same way).
//
//   node bench/district-compare.ts [--pg [URL]] [--pg-only] [--fresh] [--amount 20] [--connections 2]
//                                  [--requests 1200] [--period last12]
//
// The data set (its own files: bench/results/district-compare.db, PostgreSQL dd_bench_district) is the
// 200-station district of bench/generate.ts (SHAPE: 10 streets × 4 communities × 5 stations), with what the
// dictionary's comparable figures read: per station one alliance unit, 32 service items and `--requests` (1,200,
// the Tianyuan year) completed service requests spread over the last twelve months. Merchants and residents are
// left out: no comparable figure reads them, and they take minutes to build. The district officer is
// `bench_compare` (password DEMO_PASSWORD).
import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
// @ts-expect-error autocannon ships no types
import autocannon from "autocannon";
import Fastify from "fastify";
import { stationDate, stationDayBounds } from "../contracts/calendar.ts";
import { parsePeriod } from "../contracts/figures.ts";
import { DEMO_PASSWORD, insertOrgUnit } from "../demo/tianyuan.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import { modules } from "../server/modules/index.ts";
import { SessionStore } from "../server/platform/auth.ts";
import { systemClock } from "../server/platform/clock.ts";
import { createVault } from "../server/platform/crypto.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { createServices } from "../server/services.ts";
import { argValue, BENCH_SECRET, describe, ensurePgDatabase, open, RESULTS_DIR, removeSqlite, type Target } from "./common.ts";
import { SHAPE } from "./generate.ts";

const OFFICER = "bench_compare";
const argv = process.argv.slice(2);

// ----- the data set -----

async function generateDistrict(target: Target, fresh: boolean, requestsPerStation: number) {
  if (target.kind === "postgres") await ensurePgDatabase(target.url, fresh);
  else if (fresh) removeSqlite(target.file);
  const database = open(target);
  const db = database.db;
  await migrateToLatest(db);
  const existing = await db.selectFrom("users").select("id").where("username", "=", OFFICER).executeTakeFirst();
  if (existing) {
    console.log(`${describe(target)}: reusing the district`);
    await database.close();
    return;
  }
  const started = performance.now();
  const now = new Date();
  const stamp = now.toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const district = await db.transaction().execute(async (trx) => {
    const d = await insertOrgUnit(trx, null, "district", "对比测试区", "CMP", stamp);
    await trx
      .insertInto("users")
      .values({
        username: OFFICER,
        display_name: "压测区委组织部",
        password_hash: passwordHash,
        role: "district_officer",
        org_unit_id: d.id,
        alliance_unit_id: null,
        merchant_id: null,
        resident_id: null,
        mobile_enc: null,
        mobile_hash: null,
        status: "active",
        locale: "zh-CN",
        last_login_at: null,
        password_changed_at: stamp,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    return d;
  });
  let n = 0;
  for (let s = 0; s < SHAPE.streets; s++) {
    const street = await insertOrgUnit(db, district, "street", `第${s + 1}街道`, `CMP-${s + 1}`, stamp);
    for (let c = 0; c < SHAPE.communitiesPerStreet; c++) {
      const community = await insertOrgUnit(db, street, "community", `第${s + 1}街道第${c + 1}社区`, `CMP-${s + 1}-${c + 1}`, stamp);
      for (let k = 0; k < SHAPE.stationsPerCommunity; k++) {
        n++;
        await db.transaction().execute(async (trx) => {
          const station = await insertOrgUnit(
            trx,
            community,
            "station",
            `第${n}号市场党群服务站`,
            `CMP-${s + 1}-${c + 1}-S${k + 1}`,
            stamp,
          );
          const unit = await trx
            .insertInto("alliance_units")
            .values({
              station_id: station.id,
              name: `第${n}号站网格中心`,
              kind: "grid_centre",
              contact_name: null,
              contact_mobile_enc: null,
              contact_mobile_hash: null,
              address: null,
              offers: null,
              status: "active",
              created_at: stamp,
              updated_at: stamp,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          // Stations differ: from 8 to 40 items, so the ranks and the colours spread.
          const itemCount = 8 + ((n * 7) % 33);
          const items: number[] = [];
          for (let i = 0; i < itemCount; i++) {
            const row = await trx
              .insertInto("service_items")
              .values({
                station_id: station.id,
                code: `C${n}-${i + 1}`,
                name: `便民事项${i + 1}`,
                unit_id: unit.id,
                audience: "both",
                materials: "[]",
                time_limit_days: 0,
                handling: "on_site",
                description: null,
                created_at: new Date(now.getTime() - 400 * 86_400_000).toISOString(),
                updated_at: stamp,
              })
              .returning("id")
              .executeTakeFirstOrThrow();
            items.push(row.id);
          }
          const count = Math.round(requestsPerStation * (0.4 + ((n * 13) % 120) / 100));
          const rows = [];
          for (let i = 0; i < count; i++) {
            const at = new Date(now.getTime() - ((i * 7919) % (360 * 86_400)) * 1000 - 3_600_000);
            rows.push({
              station_id: station.id,
              item_id: items[i % items.length],
              channel: i % 3 === 0 ? ("booking" as const) : ("walk_in" as const),
              applicant_user_id: null,
              merchant_id: null,
              resident_id: null,
              applicant_name: "压测",
              applicant_mobile: null,
              date: stationDate(at),
              shift_id: null,
              queue_no: null,
              status: i % 10 === 9 ? ("cancelled" as const) : ("done" as const),
              note: null,
              handled_by_user_id: null,
              forwarded_at: null,
              due_date: null,
              completed_at: at.toISOString(),
              created_at: at.toISOString(),
              updated_at: at.toISOString(),
            });
          }
          for (let i = 0; i < rows.length; i += 500)
            await trx
              .insertInto("service_requests")
              .values(rows.slice(i, i + 500))
              .execute();
        });
      }
    }
  }
  if (target.kind === "postgres") await (await import("kysely")).sql`vacuum analyze`.execute(db);
  console.log(`${describe(target)}: ${n} stations generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await database.close();
}

// ----- the server under load (a child process, so autocannon does not share its event loop) -----

async function serve(target: Target) {
  const database = open(target, 10);
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    DANDELION_SECRET: BENCH_SECRET,
    DEMO_DATA: "false",
    RATE_LIMIT_ALLOW: "127.0.0.1,::1,::ffff:127.0.0.1",
  });
  const vault = createVault(BENCH_SECRET);
  const deps = { database, config, vault, clock: systemClock, logger: false as const };
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: "127.0.0.1" });
  // The same dictionary the app builds, for the bare route: each figure's records query and nothing else.
  const services = createServices(deps, new SessionStore(database.db, config, systemClock));
  services.figures.register(modules.flatMap((m) => m.figures?.(database.db, services) ?? []));
  const officer = await database.db.selectFrom("users").select("org_unit_id").where("username", "=", OFFICER).executeTakeFirstOrThrow();
  const scope = await services.figures.resolve(officer.org_unit_id, "district");
  const figures = services.figures.definitions().filter((d) => d.comparable && d.scopes.includes("station"));
  const bare = Fastify({ logger: false });
  bare.get<{ Querystring: { id: string; period?: string } }>("/bench/figure", async (request) => {
    const def = services.figures.definition(request.query.id);
    const p = parsePeriod(request.query.period, stationDate(new Date()));
    if (!p) throw new Error("period");
    const rows = await def.records({
      stationIds: scope.stations.map((s) => s.id),
      from: p.from,
      to: p.to,
      fromIso: stationDayBounds(p.from)[0],
      toIso: stationDayBounds(p.to)[1],
      now: new Date(),
    });
    return { n: rows.length };
  });
  await bare.listen({ port: 0, host: "127.0.0.1" });
  const port = (s: typeof bare) => (s.server.address() as { port: number }).port;
  process.send?.({
    appPort: port(app as unknown as typeof bare),
    barePort: port(bare),
    districtId: officer.org_unit_id,
    stations: scope.stations.length,
    figures: figures.map((f) => f.id),
  });
  process.on("message", async (m) => {
    if (m === "stop") {
      await bare.close();
      await app.close();
      process.exit(0);
    }
  });
  process.on("disconnect", () => process.exit(0));
}

// ----- the runner -----

interface Ready {
  appPort: number;
  barePort: number;
  districtId: number;
  stations: number;
  figures: string[];
}

interface AutocannonResult {
  latency: { p50: number; p99: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** `amount` requests over `connections` (a comparison of 200 stations takes seconds: counted, not timed, runs). */
function load(url: string, connections: number, amount: number, headers: Record<string, string> = {}) {
  return new Promise<{ p50: number; p99: number; rps: number; non2xx: number; requests: number; errors: number; timeouts: number }>(
    (ok, fail) => {
      autocannon({ url, connections, amount, headers, timeout: 120 }, (error: Error | null, r: AutocannonResult) => {
        if (error) return fail(error);
        ok({
          p50: r.latency.p50,
          p99: r.latency.p99,
          rps: r.requests.average,
          non2xx: r.non2xx,
          requests: r.requests.total,
          errors: r.errors,
          timeouts: r.timeouts,
        });
      });
    },
  );
}

async function run(target: Target, amount: number, connections: number, period: string) {
  const child = fork(import.meta.filename, ["--serve", JSON.stringify(target)], { stdio: "inherit" });
  const ready = await new Promise<Ready>((ok) => child.once("message", (m) => ok(m as Ready)));
  try {
    const base = `http://127.0.0.1:${ready.appPort}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: OFFICER, password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const compareUrl = `${base}/api/figures/compare?scope=district:${ready.districtId}&period=${period}`;
    const t0 = performance.now();
    const check = await fetch(compareUrl, { headers: { cookie } });
    const body = (await check.json()) as { stations: unknown[]; figures: { id: string; reporting: number; of: number }[] };
    if (!check.ok) throw new Error(`compare: ${check.status} ${JSON.stringify(body)}`);
    console.log(`one comparison alone: ${Math.round(performance.now() - t0)} ms`);
    console.log(
      `${describe(target)}: ${body.stations.length} stations, ${body.figures.length} figures (${body.figures.map((f) => `${f.id} ${f.reporting}/${f.of}`).join(", ")})`,
    );
    const ceilings: { id: string; p50: number; p99: number; rps: number }[] = [];
    for (const id of ready.figures) {
      const url = `http://127.0.0.1:${ready.barePort}/bench/figure?id=${id}&period=${period}`;
      await load(url, connections, connections);
      ceilings.push({ id, ...(await load(url, connections, amount)) });
    }
    const slowest = ceilings.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    await load(compareUrl, connections, connections, { cookie });
    const compare = await load(compareUrl, connections, amount, { cookie });
    if (compare.non2xx > 0 || compare.errors > 0) throw new Error(`compare: ${JSON.stringify(compare)}`);
    const out = {
      target: describe(target),
      connections,
      amount,
      stations: ready.stations,
      compare,
      ceilings,
      slowest: slowest.id,
      ratio: slowest.p99 > 0 ? Math.round((compare.p99 / slowest.p99) * 100) / 100 : null,
    };
    console.table([
      { scenario: "compare (200 stations, every figure)", p50: compare.p50, p99: compare.p99, "req/s": Math.round(compare.rps) },
      ...ceilings.map((c) => ({ scenario: `ceiling: ${c.id}`, p50: c.p50, p99: c.p99, "req/s": Math.round(c.rps) })),
    ]);
    console.log(`p99 compare ${compare.p99} ms vs slowest figure's query ${slowest.id} ${slowest.p99} ms (×${out.ratio})`);
    return out;
  } finally {
    child.send("stop");
    await new Promise((ok) => child.once("exit", ok));
  }
}

if (argv[0] === "--serve") {
  await serve(JSON.parse(argv[1]) as Target);
} else {
  const amount = Number(argValue(argv, "--amount") ?? 20);
  const connections = Number(argValue(argv, "--connections") ?? 2);
  const requests = Number(argValue(argv, "--requests") ?? 1200);
  const period = argValue(argv, "--period") ?? "last12";
  const targets: Target[] = [];
  if (!argv.includes("--pg-only"))
    targets.push({ kind: "sqlite", file: argValue(argv, "--file") ?? join(RESULTS_DIR, "district-compare.db") });
  if (argv.includes("--pg") || argv.includes("--pg-only")) {
    const url =
      argValue(argv, "--pg", "postgres://postgres@127.0.0.1:5432/dd_bench_district") ??
      argValue(argv, "--pg-only", "postgres://postgres@127.0.0.1:5432/dd_bench_district");
    targets.push({ kind: "postgres", url: url ?? "postgres://postgres@127.0.0.1:5432/dd_bench_district" });
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  const results = [];
  for (const t of targets) {
    await generateDistrict(t, argv.includes("--fresh"), requests);
    results.push(await run(t, amount, connections, period));
  }
  const file = join(RESULTS_DIR, `district-compare-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`written ${file}`);
}
