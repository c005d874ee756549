// A station with ten years of problems (issue 16, item 7): one more station in the district's first community,
// with 100 merchants, their stalls, 13 alliance units and **50,000 problems** created over the last ten years
// (the district's stations have 5,000 over two), built like the district's (bench/generate-problems.ts), coded
// `BD-1` … `BD-50000`. Its staff account `bench_staff_decade` lists them. Resumable: the account is created last
// and marks a complete step. Generates the district and its problems first when they are missing.
//
//   node bench/generate-decade.ts [--file bench/results/district.db] [--pg [URL]] [--pg-only]
import { sql } from "kysely";
import { seeded } from "../demo/random.ts";
import { DEMO_PASSWORD, insertAllianceUnits, insertMerchants, insertOrgUnit, insertStalls } from "../demo/tianyuan.ts";
import { ensureDefaultCategories } from "../server/modules/problems/problems.repository.ts";
import { createVault } from "../server/platform/crypto.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { BENCH_SECRET, describe, open, type Target } from "./common.ts";
import { SHAPE, stationMix, targetsFromArgs } from "./generate.ts";
import { DECADE_STATION_CODE, generateProblems, insertStationProblems } from "./generate-problems.ts";

export const DECADE_STAFF = "bench_staff_decade";
/** A district officer: lists every station's problems (about 740,000 confirmed ones). */
export const BENCH_DISTRICT_OFFICER = "bench_district";
export const DECADE_PROBLEMS = 50_000;

export interface DecadeResult {
  reused: boolean;
  seconds: number;
  problems: number;
}

export async function generateDecade(target: Target, opts: { log?: (s: string) => void } = {}): Promise<DecadeResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await generateProblems(target, { log });
  const database = open(target);
  const db = database.db;
  try {
    if (await db.selectFrom("users").select("id").where("username", "=", DECADE_STAFF).executeTakeFirst()) {
      log(`${describe(target)}: reusing the ten-year station`);
      return { reused: true, seconds: 0, problems: DECADE_PROBLEMS };
    }
    const started = performance.now();
    const timestamp = new Date().toISOString();
    const vault = createVault(BENCH_SECRET);
    log(`${describe(target)}: generating the ten-year station (${DECADE_PROBLEMS} problems)…`);
    // An interrupted run left a station: start it again.
    const old = await db.selectFrom("org_units").select("id").where("code", "=", DECADE_STATION_CODE).executeTakeFirst();
    if (old) {
      await db.deleteFrom("problems").where("station_id", "=", old.id).execute();
      await db.deleteFrom("alliance_units").where("station_id", "=", old.id).execute();
      await db.deleteFrom("stalls").where("station_id", "=", old.id).execute();
      await db.deleteFrom("merchants").where("station_id", "=", old.id).execute();
      await db.deleteFrom("org_units").where("id", "=", old.id).execute();
    }
    const community = await db
      .selectFrom("org_units")
      .select(["id", "path"])
      .where("kind", "=", "community")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const station = await db.transaction().execute(async (trx) => {
      const st = await insertOrgUnit(trx, community, "station", "十年老市场党群服务站", DECADE_STATION_CODE, timestamp, "测试区十年老市场");
      const ids = await insertMerchants(trx, vault, seeded(70_001), st.id, stationMix, 900 * SHAPE.merchantsPerStation, timestamp);
      await insertStalls(trx, st.id, ids, 12, timestamp);
      await insertAllianceUnits(trx, vault, seeded(70_002), st.id, timestamp);
      return st;
    });
    await ensureDefaultCategories(db, new Date());
    const categories = await db.selectFrom("problem_categories").select(["code", "time_limit_days"]).orderBy("id").execute();
    const problems = await insertStationProblems(db, vault, categories, station.id, "BD", 70_000, DECADE_PROBLEMS, 3650, Date.now());
    if (target.kind === "postgres") await sql`vacuum analyze problems`.execute(db);
    else await sql`analyze problems`.execute(db);
    const district = await db.selectFrom("org_units").select("id").where("kind", "=", "district").orderBy("id").executeTakeFirstOrThrow();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const account = (username: string, displayName: string, role: "station_staff" | "district_officer", orgUnitId: number) => ({
      username,
      display_name: displayName,
      password_hash: passwordHash,
      role,
      org_unit_id: orgUnitId,
      alliance_unit_id: null,
      merchant_id: null,
      resident_id: null,
      mobile_enc: null,
      mobile_hash: null,
      status: "active" as const,
      locale: "zh-CN",
      last_login_at: null,
      password_changed_at: timestamp,
      created_at: timestamp,
      updated_at: timestamp,
    });
    // The station's staff last: it marks a complete step.
    await db.deleteFrom("users").where("username", "=", BENCH_DISTRICT_OFFICER).execute();
    await db
      .insertInto("users")
      .values(account(BENCH_DISTRICT_OFFICER, "区级干部", "district_officer", district.id))
      .execute();
    await db
      .insertInto("users")
      .values(account(DECADE_STAFF, "十年站工作人员", "station_staff", station.id))
      .execute();
    const seconds = (performance.now() - started) / 1000;
    log(`${describe(target)}: the ten-year station, ${problems} problems in ${seconds.toFixed(1)} s`);
    return { reused: false, seconds, problems };
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  for (const target of targetsFromArgs(argv)) await generateDecade(target);
}
