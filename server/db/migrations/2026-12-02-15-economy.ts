// The merchant economy: the policy catalogue with its guide and eligibility conditions, relief applications per
// merchant from application to disbursement, each merchant's monthly operating status, the park enterprises with
// their pledges and purchase records (directed consumption), and the funding ledger (sources, allocations split by
// share to projects or activities, expenditures with receipts and approvals). Money is integer fen; the ledger's
// running totals are raised by conditional updates, so a balance never goes below zero. Frozen once landed.
import { type Kysely, sql } from "kysely";
import { withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("economy_policies"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("kind", "text", (c) => c.notNull()) // loan_subsidy | rent_relief | heating_relief | station
    .addColumn("title", "text", (c) => c.notNull())
    // The guide a merchant reads: who benefits, conditions, amounts or rates, where to apply, contact.
    .addColumn("beneficiaries", "text", (c) => c.notNull())
    .addColumn("conditions", "text", (c) => c.notNull())
    .addColumn("amounts", "text", (c) => c.notNull())
    .addColumn("where_to_apply", "text", (c) => c.notNull())
    .addColumn("contact", "text", (c) => c.notNull())
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("cap_fen", "integer", (c) => c.notNull()) // the most one merchant may be granted (a loan's principal)
    .addColumn("eligibility", "text", (c) => c.notNull()) // JSON Eligibility (contracts/economy.ts)
    .addColumn("status", "text", (c) => c.notNull()) // draft | open | closed
    .addColumn("opened_notified_at", "text") // eligible merchants told it opened
    .addColumn("reminded_at", "text") // eligible merchants not yet applying told the deadline nears
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("economy_policies_station").on("economy_policies").columns(["station_id", "status"]).execute();

  await withId(db, db.schema.createTable("relief_applications"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("policy_id", "integer", (c) => c.notNull().references("economy_policies.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    // applied | reviewed | approved | disbursed | closed | rejected | withdrawn
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull()) // phone (the merchant) | staff (on the merchant's behalf)
    .addColumn("requested_fen", "integer", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("document_ids", "text", (c) => c.notNull()) // JSON array of file ids
    .addColumn("applied_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("applied_at", "text", (c) => c.notNull())
    .addColumn("reviewed_at", "text")
    .addColumn("reviewed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("review_note", "text")
    .addColumn("approved_fen", "integer")
    .addColumn("approved_at", "text")
    .addColumn("approved_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("rejected_reason", "text")
    .addColumn("disbursed_fen", "integer")
    .addColumn("disbursed_on", "text")
    .addColumn("payer", "text") // who paid, or for a loan the lender
    .addColumn("loan_principal_fen", "integer")
    .addColumn("loan_rate_bp", "integer") // annual rate in basis points (435 = 4.35 %)
    .addColumn("loan_subsidy_fen", "integer")
    .addColumn("loan_term_months", "integer")
    .addColumn("disbursed_at", "text")
    .addColumn("disbursed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("closed_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  // One live application per merchant and policy (a rejected or withdrawn one may be followed by a new one).
  await db.schema
    .createIndex("relief_applications_live")
    .on("relief_applications")
    .columns(["policy_id", "merchant_id"])
    .unique()
    .where(sql<boolean>`status not in ('rejected', 'withdrawn')`)
    .execute();
  await db.schema.createIndex("relief_applications_station").on("relief_applications").columns(["station_id", "status"]).execute();
  await db.schema.createIndex("relief_applications_merchant").on("relief_applications").columns(["merchant_id"]).execute();

  /** A merchant's operating status for a month, as the merchant or the station confirmed it. */
  await withId(db, db.schema.createTable("merchant_operating_months"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("month", "text", (c) => c.notNull()) // YYYY-MM
    .addColumn("status", "text", (c) => c.notNull()) // open | suspended | closed
    .addColumn("cause", "text") // epidemic | relocation | retirement | business | renovation | other (when not open)
    .addColumn("reason", "text")
    .addColumn("confirmed_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("confirmed_at", "text", (c) => c.notNull())
    .addUniqueConstraint("merchant_operating_months_month", ["merchant_id", "month"])
    .execute();
  await db.schema
    .createIndex("merchant_operating_months_station")
    .on("merchant_operating_months")
    .columns(["station_id", "month"])
    .execute();

  // Directed consumption: the park enterprises, the alliance unit that mobilised each, their pledges per period and
  // the purchases they made at the market, which count once the merchant confirmed receipt.
  await withId(db, db.schema.createTable("economy_enterprises"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("contact_name", "text")
    .addColumn("contact_title", "text")
    .addColumn("mobilised_by_unit_id", "integer", (c) => c.references("alliance_units.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("economy_enterprises_name", ["station_id", "name"])
    .execute();
  await withId(db, db.schema.createTable("economy_pledges"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("economy_enterprises.id"))
    .addColumn("period", "text", (c) => c.notNull()) // YYYY-MM
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addUniqueConstraint("economy_pledges_period", ["enterprise_id", "period"])
    .execute();
  await withId(db, db.schema.createTable("economy_purchases"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("enterprise_id", "integer", (c) => c.notNull().references("economy_enterprises.id"))
    .addColumn("merchant_id", "integer", (c) => c.notNull().references("merchants.id"))
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("purchased_on", "text", (c) => c.notNull())
    .addColumn("invoice_no", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull()) // pending | confirmed | disputed
    .addColumn("import_id", "text")
    .addColumn("recorded_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("recorded_at", "text", (c) => c.notNull())
    .addColumn("confirmed_at", "text")
    .addColumn("confirmed_by_user_id", "integer", (c) => c.references("users.id"))
    .addUniqueConstraint("economy_purchases_invoice", ["station_id", "invoice_no"])
    .execute();
  await db.schema.createIndex("economy_purchases_merchant").on("economy_purchases").columns(["merchant_id", "status"]).execute();
  await db.schema.createIndex("economy_purchases_enterprise").on("economy_purchases").columns(["enterprise_id", "purchased_on"]).execute();

  // The funding ledger. A source's allocated_fen never passes its received_fen, an allocation's spent_fen never
  // passes its amount_fen: both raised by `update … where total + x <= bound`, whose row count decides.
  await withId(db, db.schema.createTable("funding_sources"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull()) // company | district_finance | hotel | social | other
    .addColumn("received_fen", "integer", (c) => c.notNull())
    .addColumn("received_on", "text", (c) => c.notNull())
    .addColumn("allocated_fen", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("funding_sources_station").on("funding_sources").columns(["station_id"]).execute();
  await withId(db, db.schema.createTable("funding_allocations"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("source_id", "integer", (c) => c.notNull().references("funding_sources.id"))
    .addColumn("project_id", "integer", (c) => c.references("projects.id"))
    .addColumn("activity", "text") // an activity without a project (the night market's season, the stage)
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("share_bp", "integer", (c) => c.notNull()) // the share of the split line, in basis points of 10,000
    .addColumn("split_key", "text", (c) => c.notNull()) // the allocations made by one split share it
    .addColumn("spent_fen", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("allocated_on", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("funding_allocations_source").on("funding_allocations").columns(["source_id"]).execute();
  await db.schema.createIndex("funding_allocations_project").on("funding_allocations").columns(["project_id"]).execute();
  await withId(db, db.schema.createTable("funding_expenditures"))
    .addColumn("station_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("allocation_id", "integer", (c) => c.notNull().references("funding_allocations.id"))
    .addColumn("amount_fen", "integer", (c) => c.notNull())
    .addColumn("spent_on", "text", (c) => c.notNull())
    .addColumn("payee", "text", (c) => c.notNull())
    .addColumn("purpose", "text", (c) => c.notNull())
    .addColumn("receipt_ids", "text", (c) => c.notNull()) // JSON array of file ids (photos of the receipts)
    .addColumn("status", "text", (c) => c.notNull()) // requested | approved | rejected
    .addColumn("requested_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("requested_at", "text", (c) => c.notNull())
    .addColumn("decided_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("decided_at", "text")
    .addColumn("decision_note", "text")
    .execute();
  await db.schema.createIndex("funding_expenditures_allocation").on("funding_expenditures").columns(["allocation_id", "status"]).execute();

  // A project's outcome figures as references to live records (in place of the numbers typed onto the project): each
  // line names a figure of the economy and, for a policy's figures, the policy; its value is computed when read.
  await withId(db, db.schema.createTable("project_figures"))
    .addColumn("project_id", "integer", (c) => c.notNull().references("projects.id"))
    // policy_reached | policy_disbursed | consumption_enterprises | consumption_confirmed | ledger_allocated | ledger_spent
    .addColumn("figure", "text", (c) => c.notNull())
    .addColumn("policy_id", "integer", (c) => c.references("economy_policies.id"))
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("project_figures_position", ["project_id", "position"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "project_figures",
    "funding_expenditures",
    "funding_allocations",
    "funding_sources",
    "economy_purchases",
    "economy_pledges",
    "economy_enterprises",
    "merchant_operating_months",
    "relief_applications",
    "economy_policies",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
