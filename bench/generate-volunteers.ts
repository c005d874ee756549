// The volunteer step on top of the district (bench/generate.ts): in the writer's station (so the listed station
// stays as generated) one team, its volunteer `bench_volunteer` (an approved member) and OCCURRENCES open
// occurrences of that team, dated from tomorrow on, each with places — so that every sign-up request of a run can
// take a place in an occurrence of its own through the whole path (session, CSRF, zod, the occurrence's row taken,
// the rules, the insert, the audit). The volunteer account (created last) marks a complete set; rerunning reuses it.
//
//   node bench/generate-volunteers.ts [--file bench/results/district.db] [--pg [URL]] [--pg-only]
import { addDays, stationDate, stationInstant } from "../contracts/calendar.ts";
import { DEMO_PASSWORD } from "../demo/tianyuan.ts";
import { inBatches } from "../server/db/batches.ts";
import { hashPassword } from "../server/platform/passwords.ts";
import { BENCH_VOLUNTEER, BENCH_WRITER, describe, open, type Target } from "./common.ts";
import { generate, targetsFromArgs } from "./generate.ts";

/** Series × dates: 150 series of 200 dates each (a series holds one occurrence a date). */
const SERIES = 150;
const DATES = 200;

export interface VolunteersResult {
  reused: boolean;
  seconds: number;
  teamId: number;
  occurrences: number;
}

export async function generateVolunteers(target: Target, opts: { log?: (s: string) => void } = {}): Promise<VolunteersResult> {
  const log = opts.log ?? ((s: string) => console.log(s));
  await generate(target, { log });
  const started = performance.now();
  const database = open(target);
  const db = database.db;
  try {
    const existing = await db
      .selectFrom("users as u")
      .innerJoin("volunteers as v", "v.user_id", "u.id")
      .innerJoin("volunteer_memberships as m", "m.volunteer_id", "v.id")
      .select(["m.team_id", "v.station_id"])
      .where("u.username", "=", BENCH_VOLUNTEER)
      .executeTakeFirst();
    if (existing) {
      const n = await db
        .selectFrom("volunteer_occurrences")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("team_ids", "=", JSON.stringify([existing.team_id]))
        .executeTakeFirstOrThrow();
      log(`${describe(target)}: reusing the bench volunteer team ${existing.team_id} and ${n.n} occurrences`);
      return { reused: true, seconds: 0, teamId: existing.team_id, occurrences: Number(n.n) };
    }
    const writer = await db
      .selectFrom("users")
      .select(["id", "org_unit_id"])
      .where("username", "=", BENCH_WRITER)
      .executeTakeFirstOrThrow();
    const stationId = writer.org_unit_id;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = new Date();
    const stamp = now.toISOString();
    const first = addDays(stationDate(now), 1);
    const result = await db.transaction().execute(async (trx) => {
      const teamId = (
        await trx
          .insertInto("volunteer_teams")
          .values({
            station_id: stationId,
            name: "压测服务队",
            description: null,
            leader_volunteer_id: null,
            unit_id: null,
            service_menu: JSON.stringify([{ kind: "haircut", name: "理发" }]),
            created_at: stamp,
            updated_at: stamp,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      let occurrences = 0;
      for (let s = 0; s < SERIES; s++) {
        const seriesId = (
          await trx
            .insertInto("volunteer_series")
            .values({
              station_id: stationId,
              title: `压测活动 ${s + 1}`,
              rule: JSON.stringify({ kind: "weekly", weekdays: [1, 2, 3, 4, 5, 6, 7] }),
              once_date: null,
              valid_from: first,
              valid_to: null,
              place: "服务站广场",
              start_time: "09:00",
              end_time: "11:00",
              team_ids: JSON.stringify([teamId]),
              places_per_team: 10,
              deadline_hours: 0,
              created_by_user_id: writer.id,
              created_at: stamp,
              updated_at: stamp,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
        const rows = Array.from({ length: DATES }, (_, d) => {
          const date = addDays(first, d);
          return {
            station_id: stationId,
            series_id: seriesId,
            date,
            starts_at: stationInstant(date, "09:00").toISOString(),
            ends_at: stationInstant(date, "11:00").toISOString(),
            place: "服务站广场",
            team_ids: JSON.stringify([teamId]),
            places_per_team: 10,
            signup_deadline: stationInstant(date, "09:00").toISOString(),
            status: "open" as const,
            status_reason: null,
            certified_at: null,
            certified_by_user_id: null,
            public_until: null,
            created_at: stamp,
            updated_at: stamp,
          };
        });
        await inBatches(rows, (batch) => trx.insertInto("volunteer_occurrences").values(batch).execute(), 500);
        occurrences += rows.length;
      }
      const userId = (
        await trx
          .insertInto("users")
          .values({
            username: BENCH_VOLUNTEER,
            display_name: "压测志愿者",
            password_hash: passwordHash,
            role: "volunteer",
            org_unit_id: stationId,
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
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      const volunteerId = (
        await trx
          .insertInto("volunteers")
          .values({
            station_id: stationId,
            user_id: userId,
            number: "BENCH-V-0001",
            real_name: "压测志愿者",
            skills: JSON.stringify(["理发"]),
            political_status: "none",
            consent_at: stamp,
            created_at: stamp,
            updated_at: stamp,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
      await trx
        .insertInto("volunteer_memberships")
        .values({
          team_id: teamId,
          volunteer_id: volunteerId,
          status: "approved",
          requested_at: stamp,
          decided_at: stamp,
          decided_by_user_id: writer.id,
          left_at: null,
        })
        .execute();
      return { teamId, occurrences };
    });
    const seconds = (performance.now() - started) / 1000;
    log(
      `${describe(target)}: bench volunteer team ${result.teamId} with ${result.occurrences} open occurrences in ${seconds.toFixed(1)} s`,
    );
    return { reused: false, seconds, ...result };
  } finally {
    await database.close();
  }
}

if (import.meta.main) {
  for (const target of targetsFromArgs(process.argv.slice(2))) await generateVolunteers(target);
}
