// Generated reports (生成的报告): a report is a kind (the yearly acceptance report, a station's monthly report, a
// district's summary), a scope and a period, with a draft of sentence templates whose figures are placeholders
// (`{economy.loans_count}`); generating freezes a version — every figure's value and citation, the sentences as
// they were, and the Word document built once — so a version downloads byte for byte the same later.
// Frozen once landed.
import type { Kysely } from "kysely";
import { bytesType, withId } from "../schema-helpers.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable("reports"))
    .addColumn("kind", "text", (c) => c.notNull()) // acceptance | monthly | district
    .addColumn("scope", "text", (c) => c.notNull()) // station:3, street:2, district:1
    .addColumn("unit_id", "integer", (c) => c.notNull().references("org_units.id"))
    .addColumn("unit_path", "text", (c) => c.notNull()) // the unit's org path, for narrowing lists by reach
    .addColumn("unit_name", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull()) // as written: 2026, 2026-11
    .addColumn("period_from", "text", (c) => c.notNull())
    .addColumn("period_to", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("paragraphs", "text", (c) => c.notNull()) // JSON: the draft's [{ id, section, text }]
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1)) // raised by every edit (optimistic locking)
    .addColumn("generated_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_generated_at", "text")
    .execute();
  await db.schema.createIndex("reports_unit").on("reports").columns(["unit_path", "created_at"]).execute();

  await withId(db, db.schema.createTable("report_versions"))
    .addColumn("report_id", "integer", (c) => c.notNull().references("reports.id"))
    .addColumn("number", "integer", (c) => c.notNull()) // 1, 2, … per report
    .addColumn("paragraphs", "text", (c) => c.notNull()) // JSON: the sentences as generated
    .addColumn("figures", "text", (c) => c.notNull()) // JSON: every figure's value and citation (or missing)
    .addColumn("charts", "text", (c) => c.notNull()) // JSON: the series drawn, with their citations
    .addColumn("docx", bytesType(db), (c) => c.notNull())
    .addColumn("docx_sha256", "text", (c) => c.notNull())
    .addColumn("docx_size", "integer", (c) => c.notNull())
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addColumn("generated_by_user_id", "integer", (c) => c.references("users.id"))
    .addColumn("generated_by_name", "text")
    .addColumn("generated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("report_versions_number", ["report_id", "number"])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen against Kysely<any> by design
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("report_versions").execute();
  await db.schema.dropTable("reports").execute();
}
