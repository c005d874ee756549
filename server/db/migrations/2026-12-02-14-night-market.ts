// The night market (夜市): seasons with their nightly hours and closed nights, the pitch map, operators (market
// merchants and outside vendors), applications with their documents, allocation runs (the rule and, for a
// lottery, its recorded seed), the pitch-nights allocated (never two live ones for a pitch and night), offers of
// untaken pitches to the waiting list, fees/deposits/refunds in fen, incidents, nightly reports (entrance counts,
// takings, weather, the closed figures) and the jobs register. Frozen once landed.
import { type Kysely, sql } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("night_market_seasons"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull()) // first night (station date)
    .addColumn("ends_on", "text", (c) => c.notNull()) // last night
    .addColumn("opens_at", "text", (c) => c.notNull()) // HH:MM station time
    .addColumn("closes_at", "text", (c) => c.notNull()) // HH:MM; earlier than opens_at means after midnight
    .addColumn("closed_weekdays", "text", (c) => c.notNull()) // JSON array of ISO weekdays 1–7
    .addColumn("closed_nights", "text", (c) => c.notNull()) // JSON array of dates
    .addColumn("application_deadline", "text", (c) => c.notNull()) // UTC instant
    .addColumn("allocation_rule", "text", (c) => c.notNull()) // fixed | rotation | lottery
    .addColumn("max_pitches_per_operator", "integer", (c) => c.notNull())
    .addColumn("checkin_by", "text", (c) => c.notNull()) // HH:MM: a pitch not taken by then is offered
    .addColumn("suspend_after", "integer", (c) => c.notNull()) // bad records that suspend an operator
    .addColumn("deposit_fen", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // draft | open | allocated | closed
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("night_market_seasons_station").on("night_market_seasons").columns(["station_id", "starts_on"]).execute();

  await withId(db, db.schema.createTable("night_market_pitches"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // food | goods | games
    .addColumn("area", "real", (c) => c.notNull()) // m²
    .addColumn("power_watts", "integer", (c) => c.notNull()) // 0: no power
    .addColumn("fee_fen", "integer", (c) => c.notNull()) // per night
    .addColumn("x", "integer", (c) => c.notNull()) // on the market's map, like stalls
    .addColumn("y", "integer", (c) => c.notNull())
    .addColumn("w", "integer", (c) => c.notNull())
    .addColumn("h", "integer", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint("night_market_pitches_number", ["season_id", "number"])
    .execute();

  await withId(db, db.schema.createTable("night_market_operators"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("user_id", "integer", (c) => c.references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // merchant | vendor
    .addColumn("merchant_id", "integer", (c) => c.references("merchants.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("bad_records", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("suspended_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("night_market_operators_user", ["station_id", "user_id"])
    .execute();

  await withId(db, db.schema.createTable("night_market_applications"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("operator_id", "integer", (c) => c.notNull().references("night_market_operators.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // food | goods | games
    .addColumn("goods", "text", (c) => c.notNull())
    .addColumn("pitches_wanted", "integer", (c) => c.notNull())
    .addColumn("preferred_pitch_id", "integer", (c) => c.references("night_market_pitches.id")) // the fixed rule's wish
    .addColumn("food_licence_no", "text")
    .addColumn("document_ids", "text", (c) => c.notNull()) // JSON array of file ids
    .addColumn("status", "text", (c) => c.notNull()) // submitted | approved | rejected | withdrawn
    .addColumn("review_note", "text")
    .addColumn("reviewed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("reviewed_at", "text")
    .addColumn("submitted_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("night_market_applications_live")
    .on("night_market_applications")
    .columns(["season_id", "operator_id"])
    .unique()
    .where(sql<boolean>`status <> 'withdrawn'`)
    .execute();

  await withId(db, db.schema.createTable("night_market_allocation_runs"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("seed", "text") // the lottery's seed, recorded so anyone re-running it gets the same result
    .addColumn("input", "text", (c) => c.notNull()) // JSON: applications and pitches as the run saw them
    .addColumn("result", "text", (c) => c.notNull()) // JSON: pitch per operator, the waiting list in order
    .addColumn("result_hash", "text", (c) => c.notNull())
    .addColumn("run_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("run_at", "text", (c) => c.notNull())
    .addUniqueConstraint("night_market_allocation_runs_season", ["season_id"])
    .execute();

  await withId(db, db.schema.createTable("night_market_pitch_nights"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("pitch_id", "integer", (c) => c.notNull().references("night_market_pitches.id"))
    .addColumn("night", "text", (c) => c.notNull())
    .addColumn("operator_id", "integer", (c) => c.notNull().references("night_market_operators.id"))
    .addColumn("source", "text", (c) => c.notNull()) // allocation | waiting_list
    .addColumn("status", "text", (c) => c.notNull()) // allocated | checked_in | released
    .addColumn("checked_in_at", "text")
    .addColumn("released_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // A pitch is never allocated twice for the same night: one live row per pitch and night.
  await db.schema
    .createIndex("night_market_pitch_nights_live")
    .on("night_market_pitch_nights")
    .columns(["pitch_id", "night"])
    .unique()
    .where(sql<boolean>`status <> 'released'`)
    .execute();
  await db.schema
    .createIndex("night_market_pitch_nights_operator")
    .on("night_market_pitch_nights")
    .columns(["operator_id", "night"])
    .execute();
  await db.schema.createIndex("night_market_pitch_nights_season").on("night_market_pitch_nights").columns(["season_id", "night"]).execute();

  await withId(db, db.schema.createTable("night_market_offers"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("pitch_id", "integer", (c) => c.notNull().references("night_market_pitches.id"))
    .addColumn("night", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | claimed
    .addColumn("claimed_by_operator_id", "integer", (c) => c.references("night_market_operators.id"))
    .addColumn("offered_at", "text", (c) => c.notNull())
    .addColumn("claimed_at", "text")
    .addUniqueConstraint("night_market_offers_pitch_night", ["pitch_id", "night"])
    .execute();

  await withId(db, db.schema.createTable("night_market_payments"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("operator_id", "integer", (c) => c.notNull().references("night_market_operators.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // fee | deposit | fee_refund | deposit_refund
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("night_market_payments_operator").on("night_market_payments").columns(["season_id", "operator_id"]).execute();

  await withId(db, db.schema.createTable("night_market_nights"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("night", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // open | closed
    .addColumn("weather", "text")
    .addColumn("visitors_in", "integer")
    .addColumn("visitors_out", "integer")
    .addColumn("turnover_fen", "integer")
    .addColumn("operators", "integer")
    .addColumn("incidents", "integer")
    .addColumn("closed_at", "text")
    .addColumn("closed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("correction_reason", "text")
    .addColumn("corrected_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("night_market_nights_night", ["season_id", "night"])
    .execute();
  await db.schema.createIndex("night_market_nights_station").on("night_market_nights").columns(["station_id", "night"]).execute();

  await withId(db, db.schema.createTable("night_market_counts"))
    .addColumn("night_id", "integer", (c) => c.notNull().references("night_market_nights.id"))
    .addColumn("entrance", "text", (c) => c.notNull())
    .addColumn("method", "text", (c) => c.notNull()) // clicker | camera | ticket | estimate
    .addColumn("visitors_in", "integer", (c) => c.notNull())
    .addColumn("visitors_out", "integer", (c) => c.notNull())
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("night_market_counts_entrance", ["night_id", "entrance"])
    .execute();

  await withId(db, db.schema.createTable("night_market_takings"))
    .addColumn("night_id", "integer", (c) => c.notNull().references("night_market_nights.id"))
    .addColumn("operator_id", "integer", (c) => c.notNull().references("night_market_operators.id"))
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("unusual", "integer", (c) => c.notNull()) // far from the operator's usual
    .addColumn("reported_at", "text", (c) => c.notNull())
    .addUniqueConstraint("night_market_takings_operator", ["night_id", "operator_id"])
    .execute();

  await withId(db, db.schema.createTable("night_market_incidents"))
    .addColumn("season_id", "integer", (c) => c.notNull().references("night_market_seasons.id"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("night", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // noise | hygiene | dispute | safety | other
    .addColumn("pitch_id", "integer", (c) => c.references("night_market_pitches.id"))
    .addColumn("operator_id", "integer", (c) => c.references("night_market_operators.id"))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("bad_record", "integer", (c) => c.notNull()) // counts against the operator
    .addColumn("problem_id", "integer", (c) => c.references("problems.id"))
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("night_market_incidents_night").on("night_market_incidents").columns(["station_id", "night"]).execute();

  await withId(db, db.schema.createTable("night_market_jobs"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("employer_kind", "text", (c) => c.notNull()) // operator | market
    .addColumn("operator_id", "integer", (c) => c.references("night_market_operators.id"))
    .addColumn("person_name", "text", (c) => c.notNull())
    .addColumn("mobile_enc", "text")
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("has_contract", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("night_market_jobs_station").on("night_market_jobs").columns(["station_id", "starts_on"]).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "night_market_jobs",
    "night_market_incidents",
    "night_market_takings",
    "night_market_counts",
    "night_market_nights",
    "night_market_payments",
    "night_market_offers",
    "night_market_pitch_nights",
    "night_market_allocation_runs",
    "night_market_applications",
    "night_market_operators",
    "night_market_pitches",
    "night_market_seasons",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
