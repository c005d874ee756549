// The calendar feeds: each account's secret address, and (read only) the events a feed lists from the duty roster,
// the Red Shield post, the meetings and the volunteer service.
import type { Kysely } from "kysely";
import { inStations } from "../../db/station-filter.ts";
import type { DB } from "../../db/tables.ts";
import type { Db } from "./interop.repository.ts";

export interface FeedOwner {
  id: number;
  stationIds: number[] | null;
  unitId: number | null;
  merchantId: number | null;
  staff: boolean;
}

export class CalendarRepository {
  readonly db: Kysely<DB>;
  constructor(db: Kysely<DB>) {
    this.db = db;
  }

  feedOf(userId: number) {
    return this.db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", userId).executeTakeFirst();
  }

  /** The account's feed, with its org and links, by the token's hash. */
  feedByHash(hash: string) {
    return this.db
      .selectFrom("calendar_feeds as f")
      .innerJoin("users as u", "u.id", "f.user_id")
      .select(["f.user_id", "u.role", "u.org_unit_id", "u.alliance_unit_id", "u.merchant_id", "u.resident_id", "u.status", "u.locale"])
      .where("f.token_hash", "=", hash)
      .executeTakeFirst();
  }

  async setFeed(db: Db, userId: number, hash: string, sealed: string, at: string) {
    await db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
    await db
      .insertInto("calendar_feeds")
      .values({ user_id: userId, token_hash: hash, token_enc: sealed, created_at: at, last_read_at: null })
      .execute();
  }

  async revoke(db: Db, userId: number) {
    await db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
  }

  async touch(userId: number, at: string) {
    await this.db.updateTable("calendar_feeds").set({ last_read_at: at }).where("user_id", "=", userId).execute();
  }

  /** Duty shifts from..to (dates): the unit's, the officer's own, or (staff) the station's. */
  dutyShifts(o: FeedOwner, from: string, to: string) {
    let q = this.db
      .selectFrom("duty_shifts as s")
      .innerJoin("alliance_units as u", "u.id", "s.unit_id")
      .select(["s.id", "s.date", "s.start_time", "s.end_time", "s.note", "u.name as unit_name"])
      .where("s.date", ">=", from)
      .where("s.date", "<=", to);
    if (o.staff) q = q.where(inStations(o.stationIds, "s.station_id"));
    else q = q.where((eb) => eb.or([eb("s.unit_id", "=", o.unitId ?? -1), eb("s.officer_user_id", "=", o.id)]));
    return q.orderBy("s.date").limit(500).execute();
  }

  /** Red Shield sessions: the unit's (it runs the post), the station's (staff), or those the merchant booked. */
  redShieldSessions(o: FeedOwner, from: string, to: string) {
    let q = this.db
      .selectFrom("red_shield_sessions as s")
      .innerJoin("alliance_units as u", "u.id", "s.unit_id")
      .select(["s.id", "s.date", "s.start_time", "s.end_time", "s.place", "s.status", "u.name as unit_name"])
      .where("s.date", ">=", from)
      .where("s.date", "<=", to);
    if (o.staff) q = q.where(inStations(o.stationIds, "s.station_id"));
    else if (o.unitId !== null) q = q.where("s.unit_id", "=", o.unitId);
    else
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("red_shield_bookings as b")
            .select("b.id")
            .whereRef("b.session_id", "=", "s.id")
            .where("b.merchant_id", "=", o.merchantId ?? -1)
            .where("b.status", "=", "booked" as never),
        ),
      );
    return q.orderBy("s.date").limit(500).execute();
  }

  /** Meetings: the station's (staff), or those the unit is invited to. */
  meetings(o: FeedOwner, from: string, to: string) {
    let q = this.db
      .selectFrom("meetings as m")
      .select(["m.id", "m.title", "m.starts_at", "m.place", "m.status"])
      .where("m.starts_at", ">=", from)
      .where("m.starts_at", "<", to);
    if (o.staff) q = q.where(inStations(o.stationIds, "m.station_id"));
    else
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom("meeting_units as mu")
            .select("mu.meeting_id")
            .whereRef("mu.meeting_id", "=", "m.id")
            .where("mu.unit_id", "=", o.unitId ?? -1),
        ),
      );
    return q.orderBy("m.starts_at").limit(500).execute();
  }

  /** The volunteer activities the account signed up for. */
  volunteerActivities(userId: number, from: string, to: string) {
    return this.db
      .selectFrom("volunteer_signups as s")
      .innerJoin("volunteers as v", "v.id", "s.volunteer_id")
      .innerJoin("volunteer_occurrences as o", "o.id", "s.occurrence_id")
      .innerJoin("volunteer_series as r", "r.id", "o.series_id")
      .select(["s.id", "r.title", "o.starts_at", "o.ends_at", "o.place", "o.status"])
      .where("v.user_id", "=", userId)
      .where("s.status", "=", "signed_up" as never)
      .where("o.starts_at", ">=", from)
      .where("o.starts_at", "<", to)
      .orderBy("o.starts_at")
      .limit(500)
      .execute();
  }

  /** The stage's bookings of the teams the account leads or belongs to, and the ones it asked for itself. */
  stageBookings(user: { id: number; residentId: number | null; merchantId: number | null }, from: string, to: string) {
    return this.db
      .selectFrom("stage_bookings as b")
      .innerJoin("stage_venues as v", "v.id", "b.venue_id")
      .leftJoin("cultural_teams as t", "t.id", "b.team_id")
      .select(["b.id", "b.title", "b.purpose", "b.starts_at", "b.ends_at", "b.status", "v.name as venue", "t.name as team"])
      .where("b.status", "in", ["requested", "approved"])
      .where("b.starts_at", ">=", from)
      .where("b.starts_at", "<", to)
      .where((eb) =>
        eb.or([
          eb("b.requested_by_user_id", "=", user.id),
          eb("t.leader_user_id", "=", user.id),
          eb(
            "b.team_id",
            "in",
            eb
              .selectFrom("cultural_team_members as m")
              .select("m.team_id")
              .where((w) =>
                w.or([
                  user.residentId === null ? w.val(false) : w("m.resident_id", "=", user.residentId),
                  user.merchantId === null ? w.val(false) : w("m.merchant_id", "=", user.merchantId),
                ]),
              ),
          ),
        ]),
      )
      .orderBy("b.starts_at")
      .limit(500)
      .execute();
  }
}
