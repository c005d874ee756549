// The district data set for the benchmarks: 1 district → 10 streets → 40 communities → 200 stations,
// 100 merchants per station (20,000), 1,000 residents per station (200,000), their stalls, 13 alliance units
// per station, and the bench accounts. One transaction per station; the cost is mostly the encryption of
// every mobile and ID number (AES-GCM + HMAC blind index), exactly as the app stores them.
//
//   node bench/generate.ts [--fresh] [--file bench/results/district.db] [--pg [URL]]
import { type Insertable, type Kysely, sql } from "kysely";
import type { MerchantCategory } from "../contracts/merchants.ts";
import { seeded } from "../demo/random.ts";
import { DEMO_PASSWORD, insertAllianceUnits, insertMerchants, insertOrgUnit, insertResidents, insertStalls } from "../demo/tianyuan.ts";
import { migrateToLatest } from "../server/db/migrate.ts";
import type { DB, UserTable } from "../server/db/tables.ts";
import { createVault } from "../server/platform/crypto.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import {
  argValue,
  BENCH_SECRET,
  BENCH_STAFF,
  DEFAULT_PG_URL,
  DEFAULT_SQLITE_FILE,
  describe,
  ensurePgDatabase,
  LOGIN_ACCOUNTS,
  loginAccount,
  open,
  removeSqlite,
  type Target,
} from "./common.ts";

export const SHAPE = { streets: 10, communitiesPerStreet: 4, stationsPerCommunity: 5, merchantsPerStation: 100, residentsPerStation: 1000 };

/** 100 merchants per station, the Tianyuan trades in roughly the report's proportions. */
export const stationMix: Record<MerchantCategory, number> = {
  supermarket: 11,
  catering: 29,
  non_staple_food: 23,
  fruit_vegetable: 26,
  pharmacy: 5,
  other: 6,
};

export interface GenerateResult {
  reused: boolean;
  seconds: number;
  stations: number;
  merchants: number;
  residents: number;
}

async function counts(db: Kysely<DB>) {
  const n = async (table: "merchants" | "residents" | "org_units") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const staff = await db.selectFrom("users").select("id").where("username", "=", BENCH_STAFF).executeTakeFirst();
  return { orgUnits: await n("org_units"), merchants: await n("merchants"), residents: await n("residents"), complete: Boolean(staff) };
}

/** Builds the data set unless the target already holds a complete one (fresh: always rebuild). */
export async function generate(target: Target, opts: { fresh?: boolean; log?: (s: string) => void } = {}): Promise<GenerateResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  if (target.kind === "postgres") await ensurePgDatabase(target.url, Boolean(opts.fresh));
  else if (opts.fresh) removeSqlite(target.file);
  let database = open(target);
  await migrateToLatest(database.db);
  const before = await counts(database.db);
  if (before.complete) {
    log(`${describe(target)}: reusing the existing data set (${before.merchants} merchants, ${before.residents} residents)`);
    await database.close();
    return { reused: true, seconds: 0, stations: 0, merchants: before.merchants, residents: before.residents };
  }
  if (before.orgUnits > 0) {
    log(`${describe(target)}: an incomplete data set was found; rebuilding it`);
    await database.close();
    if (target.kind === "postgres") await ensurePgDatabase(target.url, true);
    else removeSqlite(target.file);
    database = open(target);
    await migrateToLatest(database.db);
  }

  const db = database.db;
  const vault = createVault(BENCH_SECRET);
  const started = performance.now();
  const timestamp = new Date().toISOString();
  log(`${describe(target)}: generating the district…`);

  const stations = await db.transaction().execute(async (trx) => {
    const district = await insertOrgUnit(trx, null, "district", "蒲公英测试区", "BENCH", timestamp);
    const list: { id: number; path: string }[] = [];
    for (let s = 0; s < SHAPE.streets; s++) {
      const street = await insertOrgUnit(trx, district, "street", `第${s + 1}街道`, `BENCH-${s + 1}`, timestamp);
      for (let c = 0; c < SHAPE.communitiesPerStreet; c++) {
        const community = await insertOrgUnit(
          trx,
          street,
          "community",
          `第${s + 1}街道第${c + 1}社区`,
          `BENCH-${s + 1}-${c + 1}`,
          timestamp,
        );
        for (let k = 0; k < SHAPE.stationsPerCommunity; k++) {
          const n = list.length + 1;
          list.push(
            await insertOrgUnit(
              trx,
              community,
              "station",
              `第${n}号市场党群服务站`,
              `BENCH-${s + 1}-${c + 1}-S${k + 1}`,
              timestamp,
              `测试区第${n}号市场`,
            ),
          );
        }
      }
    }
    return list;
  });

  let merchants = 0;
  let residents = 0;
  for (const [i, station] of stations.entries()) {
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      const ids = await insertMerchants(trx, vault, seeded(10_000 + i), station.id, stationMix, i * SHAPE.merchantsPerStation, timestamp);
      await insertStalls(trx, station.id, ids, 12, timestamp);
      const r = await insertResidents(
        trx,
        vault,
        seeded(20_000 + i),
        station.id,
        SHAPE.residentsPerStation,
        i * SHAPE.residentsPerStation,
        timestamp,
      );
      await insertAllianceUnits(trx, vault, seeded(30_000 + i), station.id, timestamp);
      merchants += ids.length;
      residents += r.length;
    });
    if ((i + 1) % 10 === 0 || i === 0) {
      const elapsed = (performance.now() - started) / 1000;
      const eta = (elapsed / (i + 1)) * (stations.length - i - 1);
      log(
        `  station ${String(i + 1).padStart(3)}/${stations.length}  merchants ${merchants}  residents ${residents}  ` +
          `(${Math.round(performance.now() - t0)} ms for this station, ${elapsed.toFixed(1)} s so far, ~${eta.toFixed(0)} s left)`,
      );
    }
  }

  // Accounts last: their presence marks a complete data set.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = (username: string, displayName: string, orgUnitId: number): Insertable<UserTable> => ({
    username,
    display_name: displayName,
    password_hash: passwordHash,
    role: "station_staff",
    org_unit_id: orgUnitId,
    alliance_unit_id: null,
    merchant_id: null,
    resident_id: null,
    mobile_enc: null,
    mobile_hash: null,
    status: "active",
    locale: "zh-CN",
    last_login_at: null,
    password_changed_at: timestamp,
    created_at: timestamp,
    updated_at: timestamp,
  });
  await db.transaction().execute(async (trx) => {
    const values = [];
    for (let i = 0; i < LOGIN_ACCOUNTS; i++) values.push(user(loginAccount(i), `压测登录 ${i + 1}`, stations[i % stations.length].id));
    for (let i = 10; i < stations.length; i += 10) values.push(user(`bench_staff_${i + 1}`, `第${i + 1}站工作人员`, stations[i].id));
    values.push(user(BENCH_STAFF, "压测工作人员", stations[0].id));
    await trx.insertInto("users").values(values).execute();
  });
  // Fresh statistics, so the planner and autovacuum do not change the picture in the middle of a run.
  if (target.kind === "postgres") await sql`vacuum analyze`.execute(db);
  await database.close();
  const seconds = (performance.now() - started) / 1000;
  log(`${describe(target)}: ${stations.length} stations, ${merchants} merchants, ${residents} residents in ${seconds.toFixed(1)} s`);
  return { reused: false, seconds, stations: stations.length, merchants, residents };
}

export function targetsFromArgs(argv: string[]): Target[] {
  const targets: Target[] = [{ kind: "sqlite", file: argValue(argv, "--file") ?? DEFAULT_SQLITE_FILE }];
  if (argv.includes("--pg"))
    targets.push({ kind: "postgres", url: argValue(argv, "--pg", process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL) as string });
  if (argv.includes("--pg-only")) targets.shift();
  return targets;
}

if (import.meta.main) {
  const argv = process.argv.slice(2);
  for (const target of targetsFromArgs(argv)) await generate(target, { fresh: argv.includes("--fresh") });
}
