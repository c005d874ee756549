// `node bench/economy-district.ts [--file bench/results/district.db] [--pg [URL]] [--pg-only] [--passes 5]`: the merchant
// economy's coverage and ranking figures read by a district officer over the district's 200 stations.
//
// On the district of bench/generate.ts (generated or reused), every station gets, once, what the Tianyuan demo gives
// its station: an open rent-relief policy with applications from 85 of its 100 merchants (60 disbursed, 10 approved,
// 10 in review, 5 rejected), 45 enterprises with this month's pledges and 1,200 purchases over twelve months (90 %
// confirmed) — 17,000 applications, 9,000 enterprises and 240,000 purchases in the district. `bench_district`
// (a district officer, created here when the volunteers' generator has not) then reads, station after station, the
// month's ranking (GET /api/economy/ranking?stationId=) and the policy's coverage (GET /api/policies/:id/coverage),
// through the real app (buildApp, app.inject: routing, access, the service, zod serialisation; no socket).
// The ceiling, measured in the same run and interleaved with it: the bare queries that read the same rows (the
// ranking's one query; the coverage's merchants-with-stall query and the policy's applications), through Kysely on
// the same connection pool. Prints p50 / p99 / max per request and the time of a whole district pass; asserts nothing.
import { sql } from "kysely";
import { CSRF_HEADER } from "../contracts/auth.ts";
import { addDays, monthRange, stationDate, stationMonth } from "../contracts/calendar.ts";
import { seeded } from "../demo/random.ts";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import { buildApp } from "../server/app.ts";
import { loadConfig } from "../server/config.ts";
import type { Database } from "../server/db/database.ts";
import { systemClock } from "../server/platform/clock.ts";
import { createVault } from "../server/platform/crypto.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { argValue, BENCH_SECRET, describe, open, type Target } from "./common.ts";
import { generate, targetsFromArgs } from "./generate.ts";

const BENCH_DISTRICT = "bench_district";
const POLICY_TITLE = "压测房租减免";
const ENTERPRISES = 45;
const PURCHASES = 1_200;
const CHUNK = 400;

const argv = process.argv.slice(2);
const PASSES = Number(argValue(argv, "--passes") ?? 5);

async function chunks(db: Database["db"], table: "relief_applications" | "economy_purchases" | "economy_pledges", rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

/** The economy's records at every station, once (the policy at the last station marks a complete set). */
async function seed(database: Database, month: string, log: (s: string) => void) {
  const db = database.db;
  const stations = await db.selectFrom("org_units").select(["id"]).where("kind", "=", "station").orderBy("id").execute();
  const last = stations[stations.length - 1];
  const done = await db
    .selectFrom("economy_policies")
    .select("id")
    .where("station_id", "=", last.id)
    .where("title", "=", POLICY_TITLE)
    .executeTakeFirst();
  const district = await db.selectFrom("org_units").select("id").where("kind", "=", "district").executeTakeFirstOrThrow();
  const stamp = new Date().toISOString();
  if (!(await db.selectFrom("users").select("id").where("username", "=", BENCH_DISTRICT).executeTakeFirst()))
    await db
      .insertInto("users")
      .values({
        username: BENCH_DISTRICT,
        display_name: "压测区级管理员",
        password_hash: await hashPassword(DEMO_PASSWORD),
        role: "district_officer",
        org_unit_id: district.id,
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
      } as never)
      .execute();
  if (done) {
    log("  reusing the economy's records");
    return;
  }
  const started = performance.now();
  const today = stationDate(new Date());
  const r = seeded(1414);
  for (const [s, station] of stations.entries()) {
    await db.transaction().execute(async (trx) => {
      const merchants = (await trx.selectFrom("merchants").select("id").where("station_id", "=", station.id).orderBy("id").execute()).map(
        (m) => m.id,
      );
      const policy = await trx
        .insertInto("economy_policies")
        .values({
          station_id: station.id,
          kind: "rent_relief",
          title: POLICY_TITLE,
          beneficiaries: "市场内经营的个体工商户",
          conditions: "在营、承租市场摊位",
          amounts: "每户最高 3,000 元",
          where_to_apply: "服务站政策窗口",
          contact: "服务站",
          opens_on: addDays(today, -60),
          deadline: addDays(today, 30),
          cap_fen: 300_000,
          eligibility: JSON.stringify({
            categories: [],
            statuses: ["open"],
            requiresStall: true,
            registeredBy: null,
            licenceValidOn: null,
          }),
          status: "open",
          opened_notified_at: stamp,
          reminded_at: null,
          created_by_user_id: null,
          created_at: stamp,
          updated_at: stamp,
        } as never)
        .returning("id")
        .executeTakeFirstOrThrow();
      const reliefs = merchants.slice(0, 85).map((merchantId, i) => {
        const status = i < 60 ? "disbursed" : i < 70 ? "approved" : i < 80 ? "applied" : "rejected";
        const amount = 100_000 + r.int(0, 20) * 10_000;
        return {
          station_id: station.id,
          policy_id: policy.id,
          merchant_id: merchantId,
          status,
          channel: i % 3 ? "phone" : "staff",
          requested_fen: amount,
          reason: null,
          document_ids: "[]",
          applied_by_user_id: null,
          applied_at: stamp,
          reviewed_at: status === "applied" ? null : stamp,
          reviewed_by_user_id: null,
          review_note: null,
          approved_fen: status === "disbursed" || status === "approved" ? amount : null,
          approved_at: status === "disbursed" || status === "approved" ? stamp : null,
          approved_by_user_id: null,
          rejected_reason: status === "rejected" ? "不符合条件" : null,
          disbursed_fen: status === "disbursed" ? amount : null,
          disbursed_on: status === "disbursed" ? today : null,
          payer: status === "disbursed" ? "市场物业" : null,
          loan_principal_fen: null,
          loan_rate_bp: null,
          loan_subsidy_fen: null,
          loan_term_months: null,
          disbursed_at: status === "disbursed" ? stamp : null,
          disbursed_by_user_id: null,
          closed_at: null,
          updated_at: stamp,
        };
      });
      await chunks(trx, "relief_applications", reliefs);
      const enterprises = await trx
        .insertInto("economy_enterprises")
        .values(
          Array.from({ length: ENTERPRISES }, (_, i) => ({
            station_id: station.id,
            name: `压测企业${s + 1}-${i + 1}`,
            contact_name: null,
            contact_title: null,
            mobilised_by_unit_id: null,
            created_at: stamp,
            updated_at: stamp,
          })),
        )
        .returning("id")
        .execute();
      await chunks(
        trx,
        "economy_pledges",
        enterprises.map((e) => ({ enterprise_id: e.id, period: month, amount_fen: 200_000 + r.int(0, 40) * 10_000 })),
      );
      await chunks(
        trx,
        "economy_purchases",
        Array.from({ length: PURCHASES }, (_, i) => {
          const on = addDays(today, -r.int(0, 364));
          const confirmed = r.chance(0.9);
          return {
            station_id: station.id,
            enterprise_id: enterprises[i % ENTERPRISES].id,
            merchant_id: merchants[r.int(0, merchants.length - 1)],
            amount_fen: 5_000 + r.int(0, 400) * 100,
            purchased_on: on,
            invoice_no: `B${s + 1}-${i + 1}`,
            status: confirmed ? "confirmed" : "pending",
            import_id: null,
            recorded_by_user_id: null,
            recorded_at: stamp,
            confirmed_at: confirmed ? stamp : null,
            confirmed_by_user_id: null,
          };
        }),
      );
    });
    if ((s + 1) % 50 === 0) log(`  station ${s + 1}/${stations.length} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  if (database.dialect === "postgres") await sql`vacuum analyze`.execute(db);
  log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
function summary(name: string, samples: number[], passes: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const pass = [...passes].sort((a, b) => a - b);
  return {
    name,
    n: s.length,
    p50: pct(s, 50),
    p99: pct(s, 99),
    max: s[s.length - 1],
    passMedian: pct(pass, 50),
  };
}

async function measure(target: Target) {
  const log = (s: string) => console.log(s);
  await generate(target, { log });
  const database = open(target, 10);
  const month = stationMonth(new Date());
  await seed(database, month, log);
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    DANDELION_SECRET: BENCH_SECRET,
    DEMO_DATA: "false",
    RATE_LIMIT_ALLOW: "127.0.0.1,::1,::ffff:127.0.0.1",
  });
  const app = await buildApp({ database, config, vault: createVault(BENCH_SECRET), clock: systemClock, logger: false });
  await app.ready();
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username: BENCH_DISTRICT, password: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const headers = { cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join("; "), [CSRF_HEADER]: login.json().csrfToken };
  const db = database.db;
  const policies = await db
    .selectFrom("economy_policies")
    .select(["id", "station_id"])
    .where("title", "=", POLICY_TITLE)
    .orderBy("station_id")
    .execute();
  const { from, to } = monthRange(month);

  const get = async (url: string) => {
    const t0 = performance.now();
    const res = await app.inject({ method: "GET", url, headers });
    const ms = performance.now() - t0;
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return { ms, body: res.json() };
  };
  const time = async (fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    return performance.now() - t0;
  };
  // The ranking's query, bare: the station's enterprises with the month's pledge and confirmed purchases.
  const bareRanking = (stationId: number) =>
    db
      .selectFrom("economy_enterprises as e")
      .select([
        "e.id",
        "e.name",
        (eb) =>
          eb
            .selectFrom("economy_pledges as p")
            .select("p.amount_fen")
            .whereRef("p.enterprise_id", "=", "e.id")
            .where("p.period", "=", month)
            .as("pledged_fen"),
        (eb) =>
          eb
            .selectFrom("economy_purchases as c")
            .select(sql<number>`coalesce(sum(c.amount_fen), 0)`.as("x"))
            .whereRef("c.enterprise_id", "=", "e.id")
            .where("c.status", "=", "confirmed")
            .where("c.purchased_on", ">=", from)
            .where("c.purchased_on", "<=", to)
            .as("confirmed_fen"),
      ])
      .where("e.station_id", "=", stationId)
      .execute();
  // The coverage's rows, bare: the station's merchants (with whether they hold a stall) and the policy's applications.
  const bareCoverage = async (stationId: number, policyId: number) => {
    await db
      .selectFrom("merchants as m")
      .select([
        "m.id",
        "m.name",
        "m.category",
        "m.status",
        "m.created_at",
        "m.licence_valid_from",
        "m.licence_valid_to",
        sql<number>`case when exists (select 1 from stalls s where s.merchant_id = m.id) then 1 else 0 end`.as("has_stall"),
      ])
      .where("m.station_id", "=", stationId)
      .execute();
    await db
      .selectFrom("relief_applications")
      .select(["merchant_id", "status", "approved_fen", "disbursed_fen", "loan_subsidy_fen", "applied_at"])
      .where("policy_id", "=", policyId)
      .execute();
  };

  // One warm-up pass, then the measured passes (each: every station, the app's request then its bare queries).
  const samples = { ranking: [] as number[], coverage: [] as number[], bareRanking: [] as number[], bareCoverage: [] as number[] };
  const passes = { ranking: [] as number[], coverage: [] as number[], bareRanking: [] as number[], bareCoverage: [] as number[] };
  let check = { eligible: 0, reached: 0, confirmedFen: 0 };
  for (let pass = 0; pass <= PASSES; pass++) {
    const sums = { ranking: 0, coverage: 0, bareRanking: 0, bareCoverage: 0 };
    check = { eligible: 0, reached: 0, confirmedFen: 0 };
    for (const p of policies) {
      const ranking = await get(`/api/economy/ranking?month=${month}&stationId=${p.station_id}`);
      const coverage = await get(`/api/policies/${p.id}/coverage`);
      const br = await time(() => bareRanking(p.station_id));
      const bc = await time(() => bareCoverage(p.station_id, p.id));
      check.confirmedFen += ranking.body.confirmedFen;
      check.eligible += coverage.body.eligible;
      check.reached += coverage.body.reached;
      if (pass === 0) continue;
      samples.ranking.push(ranking.ms);
      samples.coverage.push(coverage.ms);
      samples.bareRanking.push(br);
      samples.bareCoverage.push(bc);
      sums.ranking += ranking.ms;
      sums.coverage += coverage.ms;
      sums.bareRanking += br;
      sums.bareCoverage += bc;
    }
    if (pass === 0) continue;
    for (const k of Object.keys(sums) as (keyof typeof sums)[]) passes[k].push(sums[k]);
  }
  await app.close();
  const rows = [
    summary("ranking (app)", samples.ranking, passes.ranking),
    summary("ranking (bare query)", samples.bareRanking, passes.bareRanking),
    summary("coverage (app)", samples.coverage, passes.coverage),
    summary("coverage (bare queries)", samples.bareCoverage, passes.bareCoverage),
  ];
  console.log(`\n${describe(target)}: ${policies.length} stations × ${PASSES} passes as ${BENCH_DISTRICT}, month ${month}`);
  console.log(
    `  district: ${check.eligible} merchants eligible, ${check.reached} reached; ${(check.confirmedFen / 100).toFixed(2)} yuan confirmed this month`,
  );
  console.log(
    `  ${"".padEnd(26)} ${"n".padStart(6)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"max ms".padStart(8)} ${"200 stations".padStart(13)}`,
  );
  for (const r of rows)
    console.log(
      `  ${r.name.padEnd(26)} ${String(r.n).padStart(6)} ${r.p50.toFixed(2).padStart(8)} ${r.p99.toFixed(2).padStart(8)} ${r.max.toFixed(2).padStart(8)} ${`${r.passMedian.toFixed(0)} ms`.padStart(13)}`,
    );
  const ratio = (a: number, b: number) => (a / b).toFixed(1);
  console.log(
    `  app / bare: ranking p50 ×${ratio(rows[0].p50, rows[1].p50)} p99 ×${ratio(rows[0].p99, rows[1].p99)}; coverage p50 ×${ratio(rows[2].p50, rows[3].p50)} p99 ×${ratio(rows[2].p99, rows[3].p99)}`,
  );
  await database.close();
}

for (const target of targetsFromArgs(argv)) await measure(target);
