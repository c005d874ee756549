// The volunteer step on top of the district (bench/generate.ts):
// - every station of the district gets a year of the volunteer service as the demo runs it: one team of 40 volunteers
//   (accounts without sign-in), the 16th and the 28th of each of the last twelve months held, certified and final,
//   20 of the 40 attending each with two hours or so, and people served by kind — what the figures read for the whole
//   district (`bench_district`, a district officer, reads them: GET /api/volunteer-figures);
// - the writer's station gets a sign-up team of 64 volunteers who sign in (`bench_vol_01` … `bench_vol_64`) and
//   2,000 coming occurrences of 20 series (1,000 places per team), where POST …/signups runs.
// The last account (`bench_vol_64`) marks a complete set; rerunning reuses it.
//
//   node bench/generate-volunteers.ts [--file bench/results/district.db] [--pg [URL]] [--pg-only]
import { type Kysely, sql } from "kysely";
import { addDays, shiftMonth, stationDate, stationInstant } from "../contracts/calendar.ts";
import { seeded } from "../demo/random.ts";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import type { DB } from "../server/db/tables.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { BENCH_WRITER, describe, open, type Target } from "./common.ts";
import { generate, targetsFromArgs } from "./generate.ts";

export const BENCH_DISTRICT = "bench_district";
export const SIGNUP_VOLUNTEERS = 64;
export const benchVolunteer = (i: number) => `bench_vol_${String(i + 1).padStart(2, "0")}`;
/** The sign-up team's series: each with 100 coming dates. */
export const SIGNUP_SERIES_TITLE = "压测报名活动";
const PER_STATION = 40;
const ATTENDING = 20;
const CHUNK = 400;

export interface VolunteersResult {
  reused: boolean;
  seconds: number;
  signups: number;
  signupOccurrences: number;
}

async function insertChunks<T extends keyof DB & string>(db: Kysely<DB>, table: T, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
}

export async function generateVolunteers(target: Target, opts: { log?: (s: string) => void } = {}): Promise<VolunteersResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await generate(target, { log });
  const started = performance.now();
  const database = open(target);
  const db = database.db;
  try {
    const done = await db
      .selectFrom("users")
      .select("id")
      .where("username", "=", benchVolunteer(SIGNUP_VOLUNTEERS - 1))
      .executeTakeFirst();
    if (done) {
      const n = await db
        .selectFrom("volunteer_signups")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .executeTakeFirstOrThrow();
      log(`${describe(target)}: reusing the volunteer service's data (${n.n} sign-ups)`);
      return { reused: true, seconds: 0, signups: Number(n.n), signupOccurrences: 0 };
    }
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();
    const stamp = now.toISOString();
    const today = stationDate(now);
    const r = seeded(8181);
    const stations = await db.selectFrom("org_units").select(["id", "code"]).where("kind", "=", "station").orderBy("id").execute();
    const district = await db.selectFrom("org_units").select("id").where("kind", "=", "district").executeTakeFirstOrThrow();
    const writer = await db
      .selectFrom("users")
      .select(["id", "org_unit_id"])
      .where("username", "=", BENCH_WRITER)
      .executeTakeFirstOrThrow();
    const user = (username: string, name: string, org: number) => ({
      username,
      display_name: name,
      password_hash: passwordHash,
      role: "volunteer" as const,
      org_unit_id: org,
      alliance_unit_id: null,
      merchant_id: null,
      resident_id: null,
      mobile_enc: null,
      mobile_hash: null,
      status: "active" as const,
      locale: "zh-CN",
      last_login_at: null,
      password_changed_at: stamp,
      created_at: stamp,
      updated_at: stamp,
    });
    const from = `${shiftMonth(today.slice(0, 7), -12)}-01`;
    let signups = 0;
    log(`${describe(target)}: a year of volunteering at ${stations.length} stations…`);
    for (const [s, station] of stations.entries()) {
      await db.transaction().execute(async (trx) => {
        const prefix = `B${s + 1}`;
        await trx
          .insertInto("volunteer_settings")
          .values({ station_id: station.id, number_prefix: prefix, next_number: PER_STATION + 1, updated_at: stamp })
          .execute();
        const team = await trx
          .insertInto("volunteer_teams")
          .values({
            station_id: station.id,
            name: "便民服务队",
            description: null,
            leader_volunteer_id: null,
            unit_id: null,
            service_menu: JSON.stringify([
              { kind: "knives", name: "磨菜刀" },
              { kind: "haircuts", name: "义务理发" },
            ]),
            created_at: stamp,
            updated_at: stamp,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const users = await trx
          .insertInto("users")
          .values(
            Array.from({ length: PER_STATION }, (_, k) => ({
              ...user(`bench_v_${s + 1}_${k + 1}`, `志愿者${k + 1}`, station.id),
              status: "disabled" as const,
            })),
          )
          .returning("id")
          .execute();
        const volunteers = await trx
          .insertInto("volunteers")
          .values(
            users.map((u, k) => ({
              station_id: station.id,
              user_id: u.id,
              number: `${prefix}-V-${String(k + 1).padStart(4, "0")}`,
              real_name: `志愿者${s + 1}-${k + 1}`,
              skills: "[]",
              political_status: "none" as const,
              consent_at: stamp,
              created_at: stamp,
              updated_at: stamp,
            })),
          )
          .returning("id")
          .execute();
        await insertChunks(
          trx,
          "volunteer_memberships",
          volunteers.map((v) => ({
            team_id: team.id,
            volunteer_id: v.id,
            status: "approved",
            requested_at: stamp,
            decided_at: stamp,
            decided_by_user_id: null,
            left_at: null,
          })),
        );
        const occurrences = [];
        for (const day of [16, 28]) {
          const series = await trx
            .insertInto("volunteer_series")
            .values({
              station_id: station.id,
              title: day === 16 ? "16·爱一直在行动" : "28惠民行",
              rule: JSON.stringify({ kind: "monthly_days", days: [day] }),
              once_date: null,
              valid_from: from,
              valid_to: null,
              place: "服务站门前",
              start_time: "10:00",
              end_time: "12:30",
              team_ids: JSON.stringify([team.id]),
              places_per_team: 40,
              deadline_hours: 24,
              created_by_user_id: null,
              created_at: stamp,
              updated_at: stamp,
            })
            .returning("id")
            .executeTakeFirstOrThrow();
          for (let m = -12; m < 0; m++) {
            const date = `${shiftMonth(today.slice(0, 7), m)}-${day}`;
            const starts = stationInstant(date, "10:00");
            const ends = stationInstant(date, "12:30");
            const certified = new Date(ends.getTime() + 3_600_000);
            occurrences.push({
              station_id: station.id,
              series_id: series.id,
              date,
              starts_at: starts.toISOString(),
              ends_at: ends.toISOString(),
              place: "服务站门前",
              team_ids: JSON.stringify([team.id]),
              places_per_team: 40,
              signup_deadline: new Date(starts.getTime() - 86_400_000).toISOString(),
              status: "open" as const,
              status_reason: null,
              arrivals: ATTENDING,
              certified_at: certified.toISOString(),
              certified_by_user_id: null,
              public_until: new Date(certified.getTime() + 7 * 86_400_000).toISOString(),
              created_at: stamp,
              updated_at: stamp,
            });
          }
        }
        const occ = await trx.insertInto("volunteer_occurrences").values(occurrences).returning(["id", "starts_at", "ends_at"]).execute();
        const rows = [];
        const served = [];
        for (const o of occ) {
          const picked = [...volunteers].sort(() => r.next() - 0.5).slice(0, ATTENDING);
          for (const [a, v] of picked.entries()) {
            const minutes = r.int(110, 150);
            rows.push({
              occurrence_id: o.id,
              volunteer_id: v.id,
              team_id: team.id,
              arrival: a + 1,
              status: "attended",
              signed_up_at: stamp,
              withdrawn_at: null,
              checked_in_at: o.starts_at,
              checked_out_at: new Date(Date.parse(o.starts_at) + minutes * 60_000).toISOString(),
              minutes,
              correction_reason: null,
              updated_at: stamp,
            });
          }
          for (const kind of ["knives", "haircuts"])
            served.push({
              station_id: station.id,
              occurrence_id: o.id,
              team_id: team.id,
              kind,
              count: r.int(5, 30),
              merchant_id: null,
              resident_id: null,
              note: null,
              recorded_by_user_id: writer.id,
              recorded_at: stamp,
              confirmed_at: null,
              confirmed_by_user_id: null,
              updated_at: stamp,
            });
        }
        await insertChunks(trx, "volunteer_signups", rows);
        await insertChunks(trx, "volunteer_served", served);
        signups += rows.length;
      });
      if ((s + 1) % 50 === 0) log(`  station ${s + 1}/${stations.length}: ${signups} sign-ups`);
    }

    // The sign-up team at the writer's station: 64 volunteers who sign in, 20 series × 100 coming dates.
    const signupOccurrences = await db.transaction().execute(async (trx) => {
      const stationId = writer.org_unit_id;
      const team = await trx
        .insertInto("volunteer_teams")
        .values({
          station_id: stationId,
          name: "压测报名队",
          description: null,
          leader_volunteer_id: null,
          unit_id: null,
          service_menu: "[]",
          created_at: stamp,
          updated_at: stamp,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("users")
        .values({ ...user(BENCH_DISTRICT, "压测区级管理员", district.id), role: "district_officer" })
        .execute();
      let total = 0;
      for (let k = 0; k < 20; k++) {
        const series = await trx
          .insertInto("volunteer_series")
          .values({
            station_id: stationId,
            title: `${SIGNUP_SERIES_TITLE}${k + 1}`,
            rule: JSON.stringify({ kind: "weekly", weekdays: [1, 2, 3, 4, 5, 6, 7] }),
            once_date: null,
            valid_from: today,
            valid_to: null,
            place: "服务站",
            start_time: "09:00",
            end_time: "11:00",
            team_ids: JSON.stringify([team.id]),
            places_per_team: 1000,
            deadline_hours: 0,
            created_by_user_id: null,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        const occ = Array.from({ length: 100 }, (_, d) => {
          const date = addDays(today, d + 2);
          const starts = stationInstant(date, "09:00");
          return {
            station_id: stationId,
            series_id: series.id,
            date,
            starts_at: starts.toISOString(),
            ends_at: stationInstant(date, "11:00").toISOString(),
            place: "服务站",
            team_ids: JSON.stringify([team.id]),
            places_per_team: 1000,
            signup_deadline: starts.toISOString(),
            status: "open" as const,
            status_reason: null,
            certified_at: null,
            certified_by_user_id: null,
            public_until: null,
            created_at: stamp,
            updated_at: stamp,
          };
        });
        await insertChunks(trx, "volunteer_occurrences", occ);
        total += occ.length;
      }
      // The accounts last: the final one marks the set complete.
      for (let i = 0; i < SIGNUP_VOLUNTEERS; i++) {
        const u = await trx
          .insertInto("users")
          .values(user(benchVolunteer(i), `压测志愿者${i + 1}`, stationId))
          .returning("id")
          .executeTakeFirstOrThrow();
        const v = await trx
          .insertInto("volunteers")
          .values({
            station_id: stationId,
            user_id: u.id,
            number: `BV-V-${String(i + 1).padStart(4, "0")}`,
            real_name: `压测志愿者${i + 1}`,
            skills: "[]",
            political_status: "none",
            consent_at: stamp,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await trx
          .insertInto("volunteer_memberships")
          .values({
            team_id: team.id,
            volunteer_id: v.id,
            status: "approved",
            requested_at: stamp,
            decided_at: stamp,
            decided_by_user_id: null,
            left_at: null,
          })
          .execute();
      }
      return total;
    });
    if (target.kind === "postgres") await sql`vacuum analyze`.execute(db);
    const seconds = (performance.now() - started) / 1000;
    log(
      `${describe(target)}: ${signups} sign-ups at ${stations.length} stations, ${signupOccurrences} coming occurrences, in ${seconds.toFixed(1)} s`,
    );
    return { reused: false, seconds, signups, signupOccurrences };
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  for (const t of targetsFromArgs(process.argv.slice(2))) await generateVolunteers(t);
}
