// The station's counter: the service catalogue and its requests with their ratings, the departments' duty
// roster, the Red Shield post's sessions, lendable items and their loans, and the fair scale's re-weighs with
// the findings they leave on a merchant's record. Frozen once landed.
import { type Kysely, sql } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  // ---- service catalogue ---------------------------------------------------------------------------------
  await withId(db, db.schema.createTable("service_items"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("audience", "text", (c) => c.notNull()) // merchant | resident | both
    .addColumn("materials", "text", (c) => c.notNull()) // JSON array of strings
    .addColumn("time_limit_days", "integer", (c) => c.notNull())
    .addColumn("handling", "text", (c) => c.notNull()) // on_site | forwarded
    .addColumn("fee_fen", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("description", "text")
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("service_items_code", ["station_id", "code"])
    .execute();

  // ---- duty roster -----------------------------------------------------------------------------------------
  /** How many departments can sit at the station on one day (its desks). One row per station, made on demand. */
  await db.schema
    .createTable("duty_settings")
    .addColumn("station_id", "integer", (c) => c.primaryKey().references("org_units.id"))
    .addColumn("desks", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  /** A repeat rule ("every Tuesday", "the 1st and 15th") that generated shifts; the shifts are the truth. */
  await withId(db, db.schema.createTable("duty_rules"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("rule", "text", (c) => c.notNull()) // JSON, contracts/schedule.ts RepeatRule
    .addColumn("valid_from", "text", (c) => c.notNull())
    .addColumn("valid_to", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull())
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("duty_shifts"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("capacity", "integer", (c) => c.notNull()) // bookings the shift takes
    .addColumn("booked", "integer", (c) => c.notNull().defaultTo(0)) // raised only by `booked < capacity` updates
    .addColumn("officer_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("rule_id", "integer", (c) => c.references("duty_rules.id"))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    // One department sits at most once a day at a station: the conflict the roster refuses.
    .addUniqueConstraint("duty_shifts_unit_day", ["station_id", "unit_id", "date"])
    .execute();
  await db.schema.createIndex("duty_shifts_station_date").on("duty_shifts").columns(["station_id", "date"]).execute();

  // ---- requests ----------------------------------------------------------------------------------------
  await withId(db, db.schema.createTable("service_requests"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("service_items.id"))
    .addColumn("channel", "text", (c) => c.notNull()) // booking | walk_in
    .addColumn("applicant_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("applicant_name", "text", (c) => c.notNull())
    .addColumn("applicant_mobile", "text") // vault-encrypted
    .addColumn("date", "text", (c) => c.notNull()) // the station day it is booked for or walked in on
    .addColumn("shift_id", "integer", (c) => c.references("duty_shifts.id"))
    .addColumn("queue_no", "integer")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("handled_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("forwarded_at", "text")
    .addColumn("due_date", "text")
    .addColumn("completed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("service_requests_queue_no", ["station_id", "date", "queue_no"])
    .execute();
  await db.schema.createIndex("service_requests_station_date").on("service_requests").columns(["station_id", "date", "status"]).execute();
  await db.schema.createIndex("service_requests_applicant").on("service_requests").columns(["applicant_user_id", "created_at"]).execute();

  await withId(db, db.schema.createTable("service_request_events"))
    .addColumn("request_id", "integer", (c) => c.notNull().references("service_requests.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("actor_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("actor_name", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("service_request_events_request").on("service_request_events").columns(["request_id", "at"]).execute();

  /** The report's five hearts, each scored 1–5: 省心 easy, 称心 satisfying, 暖心 warm, 贴心 considerate, 舒心 pleasant. */
  await db.schema
    .createTable("service_ratings")
    .addColumn("request_id", "integer", (c) => c.primaryKey().references("service_requests.id"))
    .addColumn("easy", "integer", (c) => c.notNull())
    .addColumn("satisfying", "integer", (c) => c.notNull())
    .addColumn("warm", "integer", (c) => c.notNull())
    .addColumn("considerate", "integer", (c) => c.notNull())
    .addColumn("pleasant", "integer", (c) => c.notNull())
    .addColumn("comment", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  // ---- Red Shield post -------------------------------------------------------------------------------------
  /** The post's schedule: a repeat rule from which its sessions (twice a month) are generated. */
  await withId(db, db.schema.createTable("red_shield_plans"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("rule", "text", (c) => c.notNull()) // JSON RepeatRule
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("slot_minutes", "integer", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable("red_shield_sessions"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("plan_id", "integer", (c) => c.references("red_shield_plans.id"))
    .addColumn("unit_id", "integer", (c) => c.notNull().references("alliance_units.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("start_time", "text", (c) => c.notNull())
    .addColumn("end_time", "text", (c) => c.notNull())
    .addColumn("slot_minutes", "integer", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // scheduled | held | cancelled
    .addColumn("cancel_reason", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("red_shield_sessions_day", ["station_id", "date"])
    .execute();

  await withId(db, db.schema.createTable("red_shield_bookings"))
    .addColumn("session_id", "integer", (c) => c.notNull().references("red_shield_sessions.id"))
    .addColumn("slot", "text", (c) => c.notNull()) // "09:30"
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("booked_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("status", "text", (c) => c.notNull()) // booked | cancelled | attended | missed
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // A slot holds one live booking; a cancelled one frees it.
  await db.schema
    .createIndex("red_shield_bookings_live_slot")
    .on("red_shield_bookings")
    .columns(["session_id", "slot"])
    .unique()
    .where(sql<boolean>`status = 'booked'`)
    .execute();

  await withId(db, db.schema.createTable("red_shield_consultations"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("session_id", "integer", (c) => c.references("red_shield_sessions.id"))
    .addColumn("booking_id", "integer", (c) => c.references("red_shield_bookings.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull()) // solved | follow_up | referred
    .addColumn("officer_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("red_shield_consultations_merchant")
    .on("red_shield_consultations")
    .columns(["merchant_id", "date"])
    .execute();

  // ---- lendable items ----------------------------------------------------------------------------------
  await withId(db, db.schema.createTable("lend_items"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // umbrella | bike | scale | other
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // available | lent | lost | damaged | retired
    .addColumn("loan_days", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("lend_items_station").on("lend_items").columns(["station_id", "kind", "status"]).execute();

  await withId(db, db.schema.createTable("loans"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("item_id", "integer", (c) => c.notNull().references("lend_items.id"))
    .addColumn("borrower_kind", "text", (c) => c.notNull()) // resident | merchant
    .addColumn("resident_id", "integer", (c) => c.references("residents.id"))
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("borrower_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("status", "text", (c) => c.notNull()) // out | returned | lost | damaged
    .addColumn("lent_at", "text", (c) => c.notNull())
    .addColumn("due_at", "text", (c) => c.notNull())
    .addColumn("returned_at", "text")
    .addColumn("reminded_at", "text")
    .addColumn("lent_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("closed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // An item is never lent twice at once: one open loan per item, enforced by the database itself.
  await db.schema.createIndex("loans_one_open").on("loans").columns(["item_id"]).unique().where(sql<boolean>`status = 'out'`).execute();
  await db.schema.createIndex("loans_station_status").on("loans").columns(["station_id", "status", "due_at"]).execute();

  // ---- fair scale ----------------------------------------------------------------------------------------
  await withId(db, db.schema.createTable("reweighs"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("stall_id", "integer", (c) => c.references("stalls.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("goods", "text", (c) => c.notNull())
    .addColumn("claimed_grams", "integer", (c) => c.notNull())
    .addColumn("actual_grams", "integer", (c) => c.notNull())
    .addColumn("unit_price_fen", "integer", (c) => c.notNull()) // per 500 g (斤)
    .addColumn("short_grams", "integer", (c) => c.notNull()) // claimed − actual when positive, else 0
    .addColumn("overcharge_fen", "integer", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull()) // fair | short
    .addColumn("scale_item_id", "integer", (c) => c.references("lend_items.id"))
    .addColumn("shopper_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("shopper_name", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("problem_id", "integer", (c) => c.references("problems.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("reweighs_station").on("reweighs").columns(["station_id", "created_at"]).execute();

  /** What a merchant's record keeps against them (now: short weight found at the fair scale). */
  await withId(db, db.schema.createTable("merchant_findings"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("source", "text", (c) => c.notNull()) // fair_scale
    .addColumn("reweigh_id", "integer", (c) => c.references("reweighs.id"))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("merchant_findings_merchant").on("merchant_findings").columns(["merchant_id", "created_at"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "merchant_findings",
    "reweighs",
    "loans",
    "lend_items",
    "red_shield_consultations",
    "red_shield_bookings",
    "red_shield_sessions",
    "red_shield_plans",
    "service_ratings",
    "service_request_events",
    "service_requests",
    "duty_shifts",
    "duty_rules",
    "duty_settings",
    "service_items",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
